using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Portal.Core.Hosting;

/// <summary>
/// What every module's rate limit answers when it refuses a request (the limiter's one
/// <c>OnRejected</c>, set by the kernel so no module sets its own): 429 with <c>Retry-After</c> when the
/// limiter knows it; under <c>/api</c> and <c>/connect</c> an RFC 9457 problem details body,
/// elsewhere no body, so the status-code pages show the site's readable "quá nhiều yêu cầu" page.
/// A module that limits after authentication (per API client) answers with <see cref="Problem"/>.
/// </summary>
public static class RateLimitRejection
{
    public const string Title = "Quá nhiều yêu cầu (too many requests).";

    public static void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, cancellationToken) => OnRejectedAsync(context.HttpContext, context.Lease, cancellationToken);
    }

    internal static async ValueTask OnRejectedAsync(HttpContext context, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : (TimeSpan?)null;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        SetRetryAfter(context.Response, retryAfter);
        if (TenantResolutionMiddleware.IsApiPath(context.Request.Path))
        {
            await context.Response.WriteAsJsonAsync(Problem(retryAfter, context.Request.Path), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        }
    }

    /// <summary>The problem details of a refusal (429), the wait in the detail when it is known.</summary>
    public static ProblemDetails Problem(TimeSpan? retryAfter, string? instance = null) => new()
    {
        Status = StatusCodes.Status429TooManyRequests,
        Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        Title = Title,
        Detail = retryAfter is { } wait
            ? $"Đã vượt giới hạn số yêu cầu; hãy thử lại sau {Seconds(wait)} giây (retry after {Seconds(wait)} s)."
            : "Đã vượt giới hạn số yêu cầu; hãy thử lại sau (retry later).",
        Instance = instance,
    };

    /// <summary><c>Retry-After</c> in whole seconds, rounded up; nothing when the wait is not known.</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = Seconds(wait).ToString(CultureInfo.InvariantCulture);
        }
    }

    private static long Seconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
}
