using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Web.Controllers;

/// <summary>Readable error pages in the tenant's theme; never a stack trace.</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("error/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status()
    {
        // Read from the route by hand: no model binding, which would read the re-executed
        // request's form, and a form the framework refused (a NUL in it) would fail again.
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), out var c) ? c : 500;

        // The page exists only as the target of a re-execution (status code pages, exception
        // handler): visited directly (/error/0, /error/500) it is a page that does not exist.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Response.StatusCode = reExecuted && code is >= 400 and <= 599 ? code : reExecuted ? 500 : StatusCodes.Status404NotFound;
        return View(Response.StatusCode);
    }
}
