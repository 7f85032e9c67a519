namespace Portal.Core.Text;

/// <summary>
/// The kernel's rule for text a visitor sends (the rule of the MVC filter that guards every
/// action's arguments), for modules that read a request body themselves: no control character
/// other than tab and line breaks, no unpaired surrogate, no Unicode noncharacter.
/// </summary>
public static class VisitorText
{
    public static bool IsAcceptable(string text) => Hosting.ControlCharacterFilter.IsAcceptableText(text);
}
