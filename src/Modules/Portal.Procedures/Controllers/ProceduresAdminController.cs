using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Contents;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Text;
using Portal.Procedures.Models;
using Portal.Procedures.Services;
using Portal.Procedures.ViewModels;

namespace Portal.Procedures.Controllers;

/// <summary>
/// The procedures desk at /admin/thu-tuc: list, write, edit and move procedures through the
/// content workflow. History, comparing and restoring versions are the shared Contents admin's
/// (/admin/contents/{id}/history), as for every content type; bulk import is ProcedureImportController.
/// It works on the site's own items only (the content manager's tenant filter): a commune's admin
/// opening the province's shared procedure gets 404. An id that no procedure could have
/// (<see cref="ContentIds.IsValid"/>) is 404 before any query.
/// </summary>
[Area("Procedures")]
[Route("admin/thu-tuc")]
[RequirePermission("ManageProcedures")]
public sealed class ProceduresAdminController(ContentManager contents, ProcedureWriter writer) : ContentDeskController(contents)
{
    protected override string ContentType => ProcedureJson.ContentType;

    protected override string ItemNoun => "thủ tục";

    [HttpGet("create")]
    public IActionResult Create() => View("Edit", new ProcedureEditViewModel { Level = nameof(ProcedureLevel.Commune), OnlineLevel = "none" });

    [HttpPost("create")]
    public Task<IActionResult> Create(ProcedureEditViewModel model) =>
        CreateFromFormAsync(() => ValidateAsync(model, null), () => Task.FromResult<IActionResult>(View("Edit", model)), nameof(model.Slug));

    [HttpGet("{id}")]
    public Task<IActionResult> Edit(string id) => EditFormAsync(id, ToModel, (model, _) => Task.FromResult<IActionResult>(View(model)));

    [HttpPost("{id}")]
    public Task<IActionResult> Edit(string id, ProcedureEditViewModel model) =>
        SaveFromFormAsync(id, model, _ => ValidateAsync(model, id), _ => Task.FromResult<IActionResult>(View(model)), nameof(model.Slug));

    /// <summary>Asks before deleting: the page names the procedure and posts to the delete step.</summary>
    [HttpGet("{id}/delete")]
    public async Task<IActionResult> Delete(string id)
    {
        var item = await FindAsync(id);
        if (item is null)
        {
            return NotFound();
        }

        return (await AllowedNamesAsync(item)).Contains("delete") ? View(item) : Forbid();
    }

    /// <summary>
    /// Checks the form with the same reader as imports (so the two accept the same values) and puts
    /// each message beside its field; returns the draft to save, or null when something is wrong.
    /// </summary>
    private async Task<ContentDraft?> ValidateAsync(ProcedureEditViewModel model, string? id)
    {
        var fields = new JsonObject
        {
            ["code"] = model.Code ?? "",
            ["name"] = model.Name ?? "",
            ["field"] = model.Field ?? "",
            ["level"] = model.Level ?? "",
            ["agency"] = model.Agency ?? "",
            ["steps"] = model.Steps ?? "",
            ["channels"] = new JsonArray([.. model.Channels.Select(c => (JsonNode?)JsonValue.Create(c))]),
            ["documents"] = model.Documents ?? "",
            ["processingTime"] = model.ProcessingTime ?? "",
            ["fees"] = model.Fees ?? "",
            ["applicants"] = model.Applicants ?? "",
            ["result"] = model.Result ?? "",
            ["legalBasis"] = model.LegalBasis ?? "",
            ["forms"] = model.Forms ?? "",
            ["onlineLevel"] = model.OnlineLevel ?? "",
            ["nationalPortalUrl"] = model.NationalPortalUrl ?? "",
        };
        var problems = new List<FieldProblem>();
        var input = ProcedureEnvelope.Read(fields, problems);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(char.ToUpperInvariant(problem.Field[0]) + problem.Field[1..], char.ToUpperInvariant(problem.Message[0]) + problem.Message[1..]);
        }

        if (input is not null && await writer.FindByCodeAsync(input.Fields.Code, HttpContext.RequestAborted) is { } owner && owner != id)
        {
            ModelState.AddModelError(nameof(model.Code), $"Mã thủ tục {input.Fields.Code} đã được dùng cho thủ tục khác của trang.");
        }

        var slug = string.IsNullOrWhiteSpace(model.Slug) ? ProcedureWriter.SlugFor(model.Code ?? "", model.Name ?? "") : model.Slug.Trim().ToLowerInvariant();
        if (!Slugs.IsValid(slug))
        {
            ModelState.AddModelError(nameof(model.Slug), "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang.");
        }

        model.Slug = slug;
        return ModelState.IsValid && input is not null ? new ContentDraft(input.Name, slug, ProcedureJson.Write(input.Fields)) { Category = input.Fields.Field } : null;
    }

    private static ProcedureEditViewModel ToModel(ContentItem item)
    {
        var f = ProcedureJson.Read(item.Data);
        return new ProcedureEditViewModel
        {
            Code = f.Code,
            Name = item.Title,
            Slug = item.Slug,
            Field = f.Field,
            Level = f.Level.ToString(),
            Agency = f.Agency,
            Steps = string.Join("\n", f.Steps),
            Channels = [.. f.Channels.Select(ChannelValue)],
            Documents = string.Join("\n", f.Documents.Select(d => d.Kind == DocumentKind.Unspecified ? $"{d.Name} :: {d.Copies}" : $"{d.Name} :: {d.Copies} :: {ProcedureText.Kind(d.Kind)}")),
            ProcessingTime = f.ProcessingTime,
            Fees = f.Fees,
            Applicants = f.Applicants,
            Result = f.Result,
            LegalBasis = string.Join("\n", f.LegalBasis),
            Forms = string.Join("\n", f.Forms.Select(x => $"{x.Title} :: {x.Url}")),
            OnlineLevel = f.OnlineLevel.ToString().ToLowerInvariant(),
            NationalPortalUrl = f.NationalPortalUrl,
        };
    }

    public static string ChannelValue(SubmissionChannel channel) => channel switch
    {
        SubmissionChannel.InPerson => "in-person",
        SubmissionChannel.Online => "online",
        _ => "post",
    };
}
