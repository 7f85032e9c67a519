using Microsoft.AspNetCore.Http;

namespace Portal.Core.Hosting;

/// <summary>
/// First line of the pipeline (inside the exception handler): a Host or X-Forwarded-Host that
/// cannot be a host name answers 400 before anything reads <c>Request.Host</c>, which would throw.
/// </summary>
internal sealed class HostHeaderValidationMiddleware(RequestDelegate next)
{
    public const string ForwardedHostHeader = "X-Forwarded-Host";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (headers.Host.Count > 1 || !HostNames.TryNormalize(headers.Host.ToString(), out _))
        {
            return BadHostAsync(context);
        }

        foreach (var value in headers[ForwardedHostHeader])
        {
            foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries))
            {
                if (part.Length == 0 || !HostNames.TryNormalize(part, out _))
                {
                    return BadHostAsync(context);
                }
            }
        }

        return next(context);
    }

    internal static Task BadHostAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("Địa chỉ (Host) không hợp lệ hoặc không thuộc trang nào của cổng. (Invalid or unknown host.)");
    }
}
