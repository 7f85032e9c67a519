namespace Portal.Core.Security;

/// <summary>The sign-in cookie, shared by every site on a host (path /). Its presence also keeps a request out of the page cache.</summary>
public static class AuthCookie
{
    public const string Name = "portal.auth";
}
