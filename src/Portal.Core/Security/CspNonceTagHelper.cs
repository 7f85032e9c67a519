using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Core.Security;

/// <summary>
/// Gives every <c>&lt;script&gt;</c> and <c>&lt;style&gt;</c> a theme or module writes this
/// response's CSP nonce, so an inline script a view needs runs under the policy without
/// 'unsafe-inline' (<see cref="SecurityHeadersMiddleware"/>).
/// </summary>
[HtmlTargetElement("script")]
[HtmlTargetElement("style")]
public sealed class CspNonceTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => int.MaxValue;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.HttpContext.Items[SecurityHeadersMiddleware.NonceItem] is string nonce && !output.Attributes.ContainsName("nonce"))
        {
            output.Attributes.Add("nonce", nonce);
        }
    }
}
