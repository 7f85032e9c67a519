namespace Portal.Core.Modules;

/// <summary>Marks a theme assembly: views and assets only, found under <c>/Themes/{Name}/Views</c>.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ThemeAttribute : Attribute
{
    public string Name { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>True for the installation's admin theme, which every tenant's admin uses.</summary>
    public bool IsAdmin { get; set; }
}
