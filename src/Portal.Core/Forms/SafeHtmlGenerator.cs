using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Portal.Core.Forms;

/// <summary>
/// The framework's HTML generator, except that a checkbox never throws: a raw value in model
/// state that is not a boolean (put there by any binder, or by code) is dropped before the box is
/// drawn, so the box shows the model's value and the field's error is shown beside it.
/// </summary>
public sealed class SafeHtmlGenerator(
    IAntiforgery antiforgery,
    IOptions<MvcViewOptions> optionsAccessor,
    IModelMetadataProvider metadataProvider,
    IUrlHelperFactory urlHelperFactory,
    HtmlEncoder htmlEncoder,
    ValidationHtmlAttributeProvider validationAttributeProvider)
    : DefaultHtmlGenerator(antiforgery, optionsAccessor, metadataProvider, urlHelperFactory, htmlEncoder, validationAttributeProvider)
{
    public override TagBuilder GenerateCheckBox(ViewContext viewContext, ModelExplorer modelExplorer, string expression, bool? isChecked, object htmlAttributes)
    {
        ArgumentNullException.ThrowIfNull(viewContext);
        var fullName = viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression);
        if (viewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) && entry.RawValue is { } raw && !IsBoolean(raw))
        {
            entry.RawValue = null;
        }

        return base.GenerateCheckBox(viewContext, modelExplorer, expression, isChecked, htmlAttributes);
    }

    private static bool IsBoolean(object raw) => raw switch
    {
        bool => true,
        string text => bool.TryParse(text, out _),
        string[] { Length: > 0 } texts => bool.TryParse(texts[0], out _),
        string[] => true,
        IConvertible convertible => TryConvert(convertible),
        _ => false,
    };

    private static bool TryConvert(IConvertible value)
    {
        try
        {
            _ = value.ToBoolean(CultureInfo.InvariantCulture);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (InvalidCastException)
        {
            return false;
        }
    }
}
