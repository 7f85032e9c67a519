using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Core.Forms.Challenge;

/// <summary>
/// <c>&lt;portal-challenge purpose="questions" /&gt;</c> inside a public form: a fresh ticket in
/// hidden fields, the honeypot, the status line the solver script fills, and the message of a
/// failed check (model state <see cref="FormChallenge.ModelStateKey"/>). The honeypot is moved off
/// screen by the theme's <c>trap</c> class: the Content-Security-Policy allows no inline
/// script, and a bot reading <c>display:none</c> would skip the field.
/// </summary>
[HtmlTargetElement("portal-challenge", Attributes = "purpose", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormChallengeTagHelper(IFormChallenge challenge) : TagHelper
{
    public const string WorkingText = "Đang kiểm tra chống máy gửi tự động…";
    public const string ReadyText = "Đã sẵn sàng gửi.";

    [HtmlAttributeName("purpose")]
    public string Purpose { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var ticket = challenge.Issue(Purpose);
        var number = FormChallenge.MarkOnPage(ViewContext.HttpContext);
        // A ticket is one visitor's: stored by the output cache, one would be served to everyone
        // and used up by the first post.
        if (ViewContext.HttpContext.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            cache.Context.AllowCacheStorage = false;
        }

        var trapId = number == 1 ? FormChallenge.HoneypotField : FormChallenge.HoneypotField + "-" + number.ToString(CultureInfo.InvariantCulture);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "form-challenge");
        output.Attributes.SetAttribute("data-challenge-working", WorkingText);
        output.Attributes.SetAttribute("data-challenge-ready", ReadyText);

        var content = output.Content;
        content.AppendHtml(Hidden(FormChallenge.TokenField, ticket.Token));
        content.AppendHtml(Hidden(FormChallenge.SaltField, ticket.Salt));
        content.AppendHtml(Hidden(FormChallenge.BitsField, ticket.Difficulty.ToString(CultureInfo.InvariantCulture)));
        content.AppendHtml(Hidden(FormChallenge.NonceField, ""));

        var trap = new TagBuilder("div");
        trap.AddCssClass("trap");
        trap.Attributes["aria-hidden"] = "true";
        var label = new TagBuilder("label");
        label.Attributes["for"] = trapId;
        label.InnerHtml.Append("Xin để trống ô này (ô dùng để chặn máy gửi tự động)");
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["type"] = "text";
        input.Attributes["id"] = trapId;
        input.Attributes["name"] = FormChallenge.HoneypotField;
        input.Attributes["value"] = "";
        input.Attributes["tabindex"] = "-1";
        input.Attributes["autocomplete"] = "off";
        input.Attributes["aria-hidden"] = "true";
        trap.InnerHtml.AppendHtml(label);
        trap.InnerHtml.AppendHtml(input);
        content.AppendHtml(trap);

        var status = new TagBuilder("p");
        status.AddCssClass("form-challenge-status");
        status.Attributes["role"] = "status";
        status.Attributes["data-challenge-status"] = "";
        content.AppendHtml(status);
        content.AppendHtml("<noscript><p class=\"form-challenge-status\">Biểu mẫu này cần JavaScript để kiểm tra chống máy gửi tự động.</p></noscript>");

        if (ViewContext.ViewData.ModelState.TryGetValue(FormChallenge.ModelStateKey, out var entry) && entry.Errors.Count > 0)
        {
            var error = new TagBuilder("p");
            error.AddCssClass("field-error");
            error.Attributes["role"] = "alert";
            error.InnerHtml.Append(entry.Errors[0].ErrorMessage);
            content.AppendHtml(error);
        }
    }

    private static TagBuilder Hidden(string name, string value)
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["type"] = "hidden";
        input.Attributes["name"] = name;
        input.Attributes["value"] = value;
        return input;
    }
}
