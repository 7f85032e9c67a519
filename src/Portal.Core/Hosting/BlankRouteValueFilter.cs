using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Portal.Core.Hosting;

/// <summary>
/// A route value made of white space (<c>/thu-tuc-hanh-chinh/%20</c>) matches the route, but model
/// binding turns it into null, and an action that declared <c>string slug</c> (not nullable)
/// then failed. Such an address names nothing: 404, before the action runs (found by the fuzz suite).
/// </summary>
internal sealed class BlankRouteValueFilter : IActionFilter
{
    private static readonly NullabilityInfoContext Nullability = new();

    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.ActionDescriptor is not ControllerActionDescriptor action)
        {
            return;
        }

        foreach (var parameter in action.MethodInfo.GetParameters())
        {
            if (parameter.ParameterType == typeof(string)
                && parameter.Name is { } name
                && context.RouteData.Values.ContainsKey(name)
                && (!context.ActionArguments.TryGetValue(name, out var value) || value is null)
                && IsNonNullable(parameter))
            {
                context.Result = context.Controller is Controller ? new NotFoundResult() : new NotFoundObjectResult(new ProblemDetails { Status = 404, Title = "Not Found" });
                return;
            }
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    private static bool IsNonNullable(ParameterInfo parameter)
    {
        lock (Nullability)
        {
            return Nullability.Create(parameter).ReadState == NullabilityState.NotNull;
        }
    }
}
