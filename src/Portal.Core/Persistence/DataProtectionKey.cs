namespace Portal.Core.Persistence;

/// <summary>A data-protection key (signs sign-in cookies and antiforgery tokens), shared by every node.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string FriendlyName { get; set; } = "";

    public string Xml { get; set; } = "";
}
