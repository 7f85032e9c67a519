using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Portal.Core.Hosting;

namespace Portal.Core.Security;

/// <summary>
/// The security headers of every page, in one place (issue #10, defect 4): a Content-Security-Policy
/// whose scripts are the site's own files or carry this response's nonce (never 'unsafe-inline'),
/// <c>frame-ancestors 'none'</c> for the admin and the API, nosniff, a referrer policy, and HSTS
/// when the request came over https.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string NonceItem = "portal.csp-nonce";

    public Task InvokeAsync(HttpContext context)
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        var nonce = Convert.ToHexStringLower(random); // hex: nothing for the HTML encoder to escape
        context.Items[NonceItem] = nonce;
        var admin = TenantResolutionMiddleware.IsAdminPath(context.Request.Path) || context.Request.Path.StartsWithSegments("/connect", StringComparison.OrdinalIgnoreCase);
        // Set now, not when the response starts: the output cache stores these headers with the
        // page, so a cached page comes back with the nonce its body was rendered with; a response
        // that needs another policy (a PDF's sandbox) simply replaces the header.
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy(nonce, admin);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = admin ? "DENY" : "SAMEORIGIN";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }

        return next(context);
    }

    /// <summary>
    /// Styles may be inline (the theme's colour, the rich-text editor's skin, alignment in articles);
    /// scripts may not. Images may come from https (articles link photos); frames only from the
    /// video sites the media library accepts.
    /// </summary>
    internal static string Policy(string nonce, bool admin) =>
        string.Concat(PolicyStart, nonce, admin ? AdminPolicyEnd : PublicPolicyEnd);

    // The policy is built once; a response only puts its nonce in the middle.
    private const string PolicyStart = "default-src 'self'; script-src 'self' 'nonce-";
    private const string PolicyRest = "'; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: blob: https:; "
        + "font-src 'self' data:; "
        + "connect-src 'self'; "
        + "media-src 'self' https:; "
        + "frame-src 'self' https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com; "
        + "object-src 'none'; "
        + "base-uri 'self'; "
        + "form-action 'self'; ";
    private const string AdminPolicyEnd = PolicyRest + "frame-ancestors 'none'";
    private const string PublicPolicyEnd = PolicyRest + "frame-ancestors 'self'";
}
