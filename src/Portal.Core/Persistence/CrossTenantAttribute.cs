namespace Portal.Core.Persistence;

/// <summary>
/// Marks a named service that deliberately reads across tenants (province aggregation, grants
/// inherited from a parent site). Only such classes may call <c>IgnoreQueryFilters</c>; an
/// architecture test enforces it, and the reason is stated here for the reader.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CrossTenantAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
