using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Core.Persistence;

public static class ModelBuilderExtensions
{
    /// <summary>
    /// Stores a list of strings as one JSON text column: the same column type on SQLite and
    /// PostgreSQL, so one hand-written migration fits both (Npgsql would map a list to an array).
    /// </summary>
    public static PropertyBuilder<List<string>> HasJsonStringList(this PropertyBuilder<List<string>> property) =>
        property.HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                v => JsonSerializer.Deserialize<List<string>>(v, JsonSerializerOptions.Default) ?? new List<string>(),
                new ValueComparer<List<string>>(
                    (a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))),
                    v => v.ToList()))
            .IsRequired();
}
