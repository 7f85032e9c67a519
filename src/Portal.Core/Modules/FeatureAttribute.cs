namespace Portal.Core.Modules;

/// <summary>
/// Declares a feature a module assembly provides: <c>[assembly: Feature(Id = "Portal.Pages", ...)]</c>.
/// Features are enabled per tenant; a disabled feature's routes, menu entries and setup do nothing there.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class FeatureAttribute : Attribute
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>Other feature ids that are enabled whenever this one is.</summary>
    public string[] Dependencies { get; set; } = [];

    /// <summary>Enabled on every tenant whatever its recipe says (sign-in, for example).</summary>
    public bool AlwaysEnabled { get; set; }
}
