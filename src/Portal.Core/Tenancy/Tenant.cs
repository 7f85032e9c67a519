namespace Portal.Core.Tenancy;

/// <summary>
/// One site of the installation: the provincial portal, a department, a district or a commune.
/// A tenant is a row and a few cache entries, never a DI container of its own.
/// </summary>
public sealed class Tenant
{
    public const string DefaultName = "default";

    public int Id { get; set; }

    /// <summary>URL-safe unique name (slug), e.g. <c>xa-hong-ha</c>.</summary>
    public string Name { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public TenantLevel Level { get; set; }

    public int? ParentId { get; set; }

    /// <summary>Host names the site answers on, lower case, without port.</summary>
    public List<string> Hosts { get; set; } = [];

    /// <summary>First path segment the site answers under, or empty for none.</summary>
    public string Prefix { get; set; } = "";

    public string DefaultCulture { get; set; } = "vi";

    public List<string> Cultures { get; set; } = ["vi"];

    public string Theme { get; set; } = "Gov";

    public List<string> Features { get; set; } = [];

    public TenantState State { get; set; }

    /// <summary>Free-form per-site settings (JSON object): hotline, responsible unit, colours.</summary>
    public string Settings { get; set; } = "{}";

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public bool IsDefault => Name == DefaultName;

    private Dictionary<string, string>? _parsedSettings;

    /// <summary>A text setting from <see cref="Settings"/> (hotline, responsibleUnit, address, email, primaryColor), or null.</summary>
    public string? Setting(string key)
    {
        _parsedSettings ??= ParseSettings(Settings);
        return _parsedSettings.GetValueOrDefault(key);
    }

    private static Dictionary<string, string> ParseSettings(string json)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    result[property.Name] = property.Value.ValueKind == System.Text.Json.JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // A broken settings document must not take the site down; it reads as empty.
        }

        return result;
    }

    public bool HasFeature(string featureId) => Features.Contains(featureId, StringComparer.Ordinal);
}
