using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Portal.Api.Services;

/// <summary>
/// Reads the token request's form before OpenIddict does: a body that is not form data in UTF-8
/// (a lone surrogate, a broken escape; found by the fuzz suite) made OpenIddict's own reading throw,
/// a 500. Refused here as <c>invalid_request</c> (400), like any other malformed request.
/// </summary>
internal sealed class MalformedTokenRequest : IOpenIddictServerHandler<ExtractTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ExtractTokenRequestContext>()
            .UseSingletonHandler<MalformedTokenRequest>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ExtractPostRequest<ExtractTokenRequestContext>.Descriptor.Order - 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ExtractTokenRequestContext context)
    {
        var request = context.Transaction.GetHttpRequest();
        if (request is null || !HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return;
        }

        try
        {
            // Read once here; the form is kept on the request, so OpenIddict does not read it again.
            await request.ReadFormAsync(context.CancellationToken);
        }
        catch (InvalidDataException)
        {
            context.Reject(Errors.InvalidRequest, "The request body is not valid form data (application/x-www-form-urlencoded, UTF-8).");
        }
        catch (BadHttpRequestException)
        {
            context.Reject(Errors.InvalidRequest, "The request body could not be read.");
        }
    }
}
