namespace Portal.Core.Tenancy;

/// <summary>What a caller (CLI, admin form, API) asks for when provisioning a site.</summary>
public sealed class TenantRequest
{
    public string? Name { get; set; }

    public string? DisplayName { get; set; }

    public string? Level { get; set; }

    /// <summary>Name of the parent tenant; required for every tenant but the default.</summary>
    public string? Parent { get; set; }

    /// <summary>A recipe of the installation by name; a path to a recipe file only when <see cref="AllowRecipeFile"/>.</summary>
    public string? Recipe { get; set; }

    /// <summary>Trusted callers (the CLI run by an operator) may name a recipe file; the admin UI and the API may not.</summary>
    public bool AllowRecipeFile { get; set; }

    /// <summary>URL prefix; null means "the name" when no host is given, none when hosts are given.</summary>
    public string? Prefix { get; set; }

    public IList<string> Hosts { get; set; } = [];

    public IDictionary<string, object?> Variables { get; set; } = new Dictionary<string, object?>();
}
