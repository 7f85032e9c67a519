using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Forms.Challenge;

/// <summary>
/// Checks the honeypot and the challenge of a form's post (<see cref="FormChallenge.Check"/>) and
/// puts a failure into model state under <see cref="FormChallenge.ModelStateKey"/>. It does not
/// answer the request itself: the action sees an invalid model and shows the form again with the
/// citizen's text kept and the message beside the challenge (a fresh ticket with it). GET and
/// HEAD pass unchecked, so one attribute can sit on a controller serving the form and its post.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequireFormChallengeAttribute(string purpose) : Attribute, IAsyncActionFilter
{
    public string Purpose { get; } = purpose;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method))
        {
            var challenge = context.HttpContext.RequestServices.GetRequiredService<IFormChallenge>();
            var result = request.HasFormContentType
                ? challenge.Check(Purpose, await request.ReadFormAsync(context.HttpContext.RequestAborted))
                : FormChallengeResult.Missing;
            if (result != FormChallengeResult.Ok)
            {
                context.ModelState.AddModelError(FormChallenge.ModelStateKey, result.Message());
            }
        }

        await next();
    }
}
