namespace Portal.Core.Tenancy;

/// <summary>A request that cannot be carried out, with a reason per field (CLI: the first line; API: problem details).</summary>
public sealed class TenantValidationException(IReadOnlyDictionary<string, string> errors)
    : Exception(string.Join(" ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;

    public static TenantValidationException For(string field, string message) => new(new Dictionary<string, string> { [field] = message });
}
