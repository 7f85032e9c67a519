using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Forms;

/// <summary>
/// A form with a file field whose body is larger than the action accepts is shown again with the
/// size message beside the file field (status 413), instead of the generic 400 page that the
/// antiforgery check gave when it could not read the form (issue #10, defect 8). It runs just
/// before the antiforgery check and does nothing else: the action is not run, since a body that
/// is not read cannot prove its antiforgery token.
/// </summary>
public sealed class OversizedUploadFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>After the request size filters (900), before antiforgery (1000).</summary>
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method)
            || context.ActionDescriptor is not ControllerActionDescriptor action
            || !request.HasFormContentType
            || FileField(action) is not { } field)
        {
            return;
        }

        var limit = Limit(context.HttpContext);
        var tooLarge = limit is { } max && request.ContentLength > max;
        if (!tooLarge)
        {
            try
            {
                await request.ReadFormAsync(context.HttpContext.RequestAborted);
                return;
            }
            catch (InvalidDataException)
            {
                tooLarge = true;
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                tooLarge = true;
            }
        }

        var megabytes = limit is { } l ? Math.Max(1, l / (1024 * 1024)) : 0;
        context.ModelState.AddModelError(field.Key, megabytes > 0
            ? $"Tệp quá lớn: mỗi lần tải lên tối đa {megabytes} MB."
            : "Tệp quá lớn.");
        var metadata = context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>();
        context.Result = new ViewResult
        {
            ViewName = action.ActionName,
            StatusCode = StatusCodes.Status413PayloadTooLarge,
            ViewData = new ViewDataDictionary(metadata, context.ModelState) { Model = field.Model },
        };
    }

    /// <summary>The smallest of the limits the action declares (request size, multipart length).</summary>
    private static long? Limit(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        long? limit = endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (endpoint?.Metadata.GetMetadata<IFormOptionsMetadata>()?.MultipartBodyLengthLimit is { } multipart && (limit is null || multipart < limit))
        {
            limit = multipart;
        }

        return limit;
    }

    /// <summary>The model-state key of the action's file field and an empty model to show the form with.</summary>
    private static (string Key, object? Model)? FileField(ControllerActionDescriptor action)
    {
        foreach (var parameter in action.MethodInfo.GetParameters())
        {
            if (IsFile(parameter.ParameterType))
            {
                return (parameter.Name ?? "file", null);
            }

            if (parameter.ParameterType.IsClass && parameter.ParameterType != typeof(string)
                && parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => IsFile(p.PropertyType)) is { } property)
            {
                var model = parameter.ParameterType.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(parameter.ParameterType) : null;
                return (property.Name, model);
            }
        }

        return null;
    }

    private static bool IsFile(Type type) => typeof(IFormFile).IsAssignableFrom(type) || typeof(IFormFileCollection).IsAssignableFrom(type);
}
