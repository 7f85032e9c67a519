using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Contents;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.LegalDocuments.Models;
using Portal.LegalDocuments.Services;
using Portal.LegalDocuments.ViewModels;

namespace Portal.LegalDocuments.Controllers;

/// <summary>
/// The legal documents desk at /admin/van-ban: list, enter, edit, and move documents through the
/// shared workflow; history, diff, restore; bulk import. Clerks (ManageLegalDocuments) enter and
/// submit; the board head (PublishLegalDocuments) approves, publishes, takes down and deletes.
/// </summary>
[Area("LegalDocuments")]
[Route("admin/van-ban")]
[RequirePermission("ManageLegalDocuments")]
public sealed class LegalDocumentsAdminController(
    ContentManager contents, LegalDocumentWriter writer, ContentUpload upload, LegalDocumentImporter importer) : ContentDeskController(contents)
{
    protected override string ContentType => LegalDocumentData.ContentType;

    protected override string ItemNoun => "văn bản";

    private const long MaxImportBytes = ContentUpload.MaxBytes;

    /// <summary>The desk's old "type" filter is the document type; the shared list's "type" is the content type.</summary>
    protected override string? ListQueryName(string name) => name == "type" ? "docType" : name;

    [HttpGet("create")]
    public IActionResult Create() => View("Edit", new LegalDocumentEditViewModel { Kind = LegalDocumentKinds.Normative });

    [HttpPost("create")]
    public Task<IActionResult> Create(LegalDocumentEditViewModel model) =>
        CreateFromFormAsync(
            async () => await ValidateAsync(model, null) is { } fields ? await writer.DraftAsync(fields, null, HttpContext.RequestAborted) : null,
            () => Task.FromResult<IActionResult>(View("Edit", model)),
            nameof(model.Number));

    [HttpGet("{id}")]
    public Task<IActionResult> Edit(string id) => EditFormAsync(id, ToModel, (model, _) => Task.FromResult<IActionResult>(View(model)));

    [HttpPost("{id}")]
    public Task<IActionResult> Edit(string id, LegalDocumentEditViewModel model) =>
        SaveFromFormAsync(
            id,
            model,
            async item =>
            {
                // The address stays what it was: links to a published document must keep working.
                model.Slug = item.Slug;
                return await ValidateAsync(model, id) is { } fields ? (await writer.DraftAsync(fields, id, HttpContext.RequestAborted)) with { Slug = item.Slug } : null;
            },
            _ => Task.FromResult<IActionResult>(View(model)),
            nameof(model.Number));

    [HttpGet("import")]
    [RequirePermission("PublishLegalDocuments")]
    public IActionResult Import() => View();

    /// <summary>Bulk import of a CSV or JSON file: the good rows are imported (and published unless the row says otherwise), the bad ones listed.</summary>
    [HttpPost("import")]
    [RequirePermission("PublishLegalDocuments")]
    [RequestSizeLimit(MaxImportBytes + 64 * 1024)]
    public async Task<IActionResult> Import(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Vui lòng chọn tệp CSV hoặc JSON.");
            return View();
        }

        if (file.Length > MaxImportBytes)
        {
            ModelState.AddModelError("file", "Tệp lớn hơn 5 MB; hãy chia thành nhiều tệp.");
            return View();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, HttpContext.RequestAborted);
        var report = await upload.ImportAsync(importer, buffer.ToArray(), file.FileName, Actor, HttpContext.RequestAborted);
        if (report.FileError is not null)
        {
            ModelState.AddModelError("file", report.FileError);
        }

        return View(report);
    }

    /// <summary>The form through the import rules; messages land beside their fields. Null when invalid.</summary>
    private async Task<LegalDocumentFields?> ValidateAsync(LegalDocumentEditViewModel model, string? id)
    {
        var errors = new Dictionary<string, string>();
        var fields = new LegalDocumentInput
        {
            Number = model.Number,
            Type = model.Type,
            IssuingAuthority = model.IssuingAuthority,
            Field = model.Field,
            Signer = model.Signer,
            SignerPosition = model.SignerPosition,
            IssuedOn = model.IssuedOn,
            EffectiveOn = model.EffectiveOn,
            ExpiresOn = model.ExpiresOn,
            Summary = model.Summary,
            Kind = model.Kind,
            Files = LegalDocumentInput.SplitList(model.Files),
            Replaces = LegalDocumentInput.SplitList(model.Replaces),
            Amends = LegalDocumentInput.SplitList(model.Amends),
            Guides = LegalDocumentInput.SplitList(model.Guides),
        }.Parse(errors);
        if (fields is not null && await writer.ConflictAsync(fields, id, HttpContext.RequestAborted) is not null)
        {
            errors["number"] = $"Đã có văn bản số {fields.Number} của {fields.IssuingAuthority}.";
        }

        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], message);
        }

        return errors.Count == 0 && ModelState.IsValid ? fields : null;
    }

    private static LegalDocumentEditViewModel ToModel(ContentItem item)
    {
        var f = LegalDocumentData.Read(item.Data);
        return new LegalDocumentEditViewModel
        {
            Slug = item.Slug,
            Number = f.Number,
            Type = f.DocumentType,
            IssuingAuthority = f.IssuingAuthority,
            Field = f.Field,
            Signer = f.Signer,
            SignerPosition = f.SignerPosition,
            IssuedOn = Date(f.IssuedOn),
            EffectiveOn = Date(f.EffectiveOn),
            ExpiresOn = Date(f.ExpiresOn),
            Summary = f.Summary,
            Kind = f.Kind,
            Files = string.Join('\n', f.Files),
            Replaces = string.Join('\n', f.Replaces),
            Amends = string.Join('\n', f.Amends),
            Guides = string.Join('\n', f.Guides),
        };
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
