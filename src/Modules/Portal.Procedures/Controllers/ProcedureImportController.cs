using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Contents;
using Portal.Core.Security;
using Portal.Procedures.Services;
using Portal.Procedures.ViewModels;

namespace Portal.Procedures.Controllers;

/// <summary>
/// Bulk import at /admin/thu-tuc/import: a CSV or JSON file, a report of the rows refused (line
/// and reason) and of what was created or updated. Imported procedures are published at once,
/// so this needs the publishing permission.
/// </summary>
[Area("Procedures")]
[Route("admin/thu-tuc/import")]
[RequirePermission("ManageProcedures")]
[RequirePermission("PublishProcedures")]
public sealed class ProcedureImportController(ContentUpload upload, ProcedureImporter importer) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new ProcedureImportViewModel());

    [HttpPost("")]
    [RequestSizeLimit(ContentUpload.MaxBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = ContentUpload.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Index(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Chọn tệp CSV hoặc JSON để nhập.");
            return View(new ProcedureImportViewModel());
        }

        if (file.Length > ContentUpload.MaxBytes)
        {
            ModelState.AddModelError("file", "Tệp lớn quá 5 MB; hãy chia thành nhiều tệp.");
            return View(new ProcedureImportViewModel());
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, HttpContext.RequestAborted);
        var report = await upload.ImportAsync(importer, buffer.ToArray(), file.FileName, ContentActor.From(HttpContext), HttpContext.RequestAborted);
        if (report.FileError is not null)
        {
            ModelState.AddModelError("file", report.FileError);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return View(new ProcedureImportViewModel { Report = report });
    }
}
