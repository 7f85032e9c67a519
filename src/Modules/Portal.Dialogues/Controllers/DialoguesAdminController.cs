using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Portal.Core;
using Portal.Core.Contents;
using Portal.Core.Html;
using Portal.Core.Security;
using Portal.Dialogues.Services;
using Portal.Dialogues.ViewModels;

namespace Portal.Dialogues.Controllers;

/// <summary>
/// The dialogues desk at /admin/doi-thoai: write and edit a dialogue (topic, description, times,
/// guests, moderator, video) and move it through the shared workflow; the list, history, diff and
/// restore are the shared Contents admin's. The event itself is run from the moderator's console
/// (<see cref="DialogueModerationController"/>, /admin/doi-thoai/{id}).
/// </summary>
[Area("Dialogues")]
[Route("admin/doi-thoai")]
[RequirePermission("ManageDialogues")]
public sealed class DialoguesAdminController(ContentManager contents, HtmlSanitizer sanitizer) : ContentDeskController(contents)
{
    protected override string ContentType => DialogueContent.ContentType;

    protected override string ItemNoun => "buổi đối thoại";

    [HttpGet("create")]
    public IActionResult Create() => View("Edit", new DialogueEditViewModel());

    [HttpPost("create")]
    public Task<IActionResult> Create(DialogueEditViewModel model) =>
        CreateFromFormAsync(() => Task.FromResult(Validate(model, null)), () => Task.FromResult<IActionResult>(View("Edit", model)), nameof(model.Slug));

    [HttpGet("{id}/sua")]
    public Task<IActionResult> Edit(string id) => EditFormAsync(id, ToModel, (model, _) => Task.FromResult<IActionResult>(View(model)));

    [HttpPost("{id}/sua")]
    public Task<IActionResult> Edit(string id, DialogueEditViewModel model) =>
        SaveFromFormAsync(id, model, item => Task.FromResult(Validate(model, item.Slug)), _ => Task.FromResult<IActionResult>(View(model)), nameof(model.Slug));

    /// <summary>The form through the envelope's reader; each message lands beside its field. Null when something is wrong.</summary>
    private ContentDraft? Validate(DialogueEditViewModel model, string? existingSlug)
    {
        foreach (var key in ModelState.Keys.ToList())
        {
            // A time the browser sent in a shape model binding refused stays refused, with the rules' wording.
            if (ModelState[key]!.Errors.Count > 0)
            {
                ModelState.Remove(key);
                ModelState.AddModelError(key, "Thời gian không hợp lệ.");
            }
        }

        var fields = new JsonObject
        {
            ["title"] = model.Title ?? "",
            ["slug"] = existingSlug ?? model.Slug ?? "",
            ["description"] = model.Description ?? "",
            ["startUtc"] = DialogueEnvelope.FromVietnamTime(model.StartAt),
            ["endUtc"] = DialogueEnvelope.FromVietnamTime(model.EndAt),
            ["questionsCloseUtc"] = DialogueEnvelope.FromVietnamTime(model.QuestionsCloseAt),
            ["guests"] = DialogueEnvelope.GuestLines(model.Guests),
            ["moderator"] = model.Moderator ?? "",
            ["videoUrl"] = model.VideoUrl ?? "",
        };
        var problems = new List<DialogueProblem>();
        var input = DialogueEnvelope.Read(fields, sanitizer, problems);
        foreach (var problem in problems.Where(p => !ModelState.ContainsKey(DialogueEditViewModel.PropertyOf(p.Field)) || ModelState[DialogueEditViewModel.PropertyOf(p.Field)]!.Errors.Count == 0))
        {
            ModelState.AddModelError(DialogueEditViewModel.PropertyOf(problem.Field), problem.Message);
        }

        if (input is null || !ModelState.IsValid)
        {
            return null;
        }

        // The address stays what it was: links to a published dialogue must keep working.
        var slug = existingSlug ?? input.Slug ?? DialogueSlugs.FromTitle(input.Title);
        model.Slug = slug;
        return DialogueSlugs.Draft(input, slug);
    }

    private static DialogueEditViewModel ToModel(ContentItem item)
    {
        var f = DialogueContent.Read(item.Data);
        return new DialogueEditViewModel
        {
            Title = item.Title,
            Slug = item.Slug,
            Description = f.Description,
            StartAt = f.StartUtc == default ? null : VietnamTime.FromUtc(f.StartUtc),
            EndAt = f.EndUtc == default ? null : VietnamTime.FromUtc(f.EndUtc),
            QuestionsCloseAt = f.QuestionsCloseUtc is { } close ? VietnamTime.FromUtc(close) : null,
            Guests = string.Join('\n', f.Guests.Select(DialogueEnvelope.GuestLine)),
            Moderator = f.Moderator,
            VideoUrl = f.VideoUrl,
        };
    }
}
