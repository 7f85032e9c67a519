using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Text;

namespace Portal.Core.Contents;

/// <summary>
/// What a caller's content id (the envelope's <c>id</c>, a spreadsheet's id column) may be: it goes
/// into admin addresses and a 64-character column, so no "/" or "?", nothing longer.
/// </summary>
public static partial class ContentIds
{
    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string id) => Pattern().IsMatch(id) && id is not ("." or "..");

    /// <summary>Why <paramref name="id"/> cannot be used, in the editors' words, or null when it can.</summary>
    public static string? Problem(string id) =>
        IsValid(id)
            ? null
            : $"id \"{(id.Length <= 70 ? id : id[..70] + "…")}\" không hợp lệ: 1–64 ký tự, chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.";

    /// <summary>
    /// An id for an imported row that has none (a spreadsheet row): readable, and unique per
    /// <paramref name="key"/> by a short hash, because slugs alone collide ("1.001234" and
    /// "1-001234"; long names cut short) and a row would then overwrite another item.
    /// </summary>
    /// <param name="prefix">The type's short prefix ("tthc", "vb").</param>
    /// <param name="readable">Text the id is made readable from (a code, a number and authority).</param>
    /// <param name="key">What makes the item itself, exactly.</param>
    public static string Derived(string prefix, string readable, string key)
    {
        var slug = Slugs.FromTitle(readable);
        var room = 64 - prefix.Length - 12;
        slug = slug.Length <= room ? slug : slug[..room].TrimEnd('-');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..10];
        return $"{prefix}-{slug}-{hash}";
    }

    /// <summary>
    /// A free id near one that only a deleted item holds ("kh-1" → "kh-1-2"), within 64 characters; a
    /// random one if none is free. The deleted item keeps its id (history is never rewritten) and an
    /// import that brings the item back needs another.
    /// </summary>
    public static async Task<string> FreeNearAsync(PortalDbContext db, string id, CancellationToken cancellationToken)
    {
        var stem = id.Length <= 58 ? id : id[..58];
        for (var n = 2; n < 50; n++)
        {
            var candidate = $"{stem}-{n}";
            if (!await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == candidate, cancellationToken))
            {
                return candidate;
            }
        }

        return Guid.NewGuid().ToString("N");
    }
}
