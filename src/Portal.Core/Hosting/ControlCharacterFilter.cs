using System.Collections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Portal.Core.Hosting;

/// <summary>
/// Refuses input carrying control characters (NUL above all, which PostgreSQL rejects with an
/// error), unpaired surrogates or noncharacters (which string.Normalize throws on) before an action sees it: 400 with problem details on the API, the error page otherwise.
/// Tabs and line breaks are ordinary text and pass.
/// </summary>
internal sealed class ControlCharacterFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        foreach (var (name, value) in context.ActionArguments)
        {
            if (FindControl(value, name, depth: 0) is { } field)
            {
                context.Result = context.Controller is ControllerBase and not Controller
                    ? new BadRequestObjectResult(new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = ["Control characters and invalid Unicode are not allowed."] }))
                    : new StatusCodeResult(StatusCodes.Status400BadRequest);
                return;
            }
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    /// <summary>
    /// No control character (tab and line breaks aside), no unpaired surrogate and no Unicode
    /// noncharacter (U+FFFE, U+FDD0..., which string.Normalize refuses with an exception).
    /// </summary>
    internal static bool IsAcceptableText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return false;
            }

            int codePoint = c;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                codePoint = char.ConvertToUtf32(c, text[++i]);
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }

            if (codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE)
            {
                return false;
            }
        }

        return true;
    }

    private static string? FindControl(object? value, string path, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return IsAcceptableText(text) ? null : path;
            case IEnumerable items when depth < 2:
                foreach (var item in items)
                {
                    if (FindControl(item, path, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                var type = value.GetType();
                if (depth >= 2 || type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("Portal.", StringComparison.Ordinal) != true)
                {
                    return null;
                }

                foreach (var property in type.GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
                {
                    if (property.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(property.PropertyType))
                    {
                        if (FindControl(property.GetValue(value), property.Name, depth + 1) is { } found)
                        {
                            return found;
                        }
                    }
                }

                return null;
        }
    }
}
