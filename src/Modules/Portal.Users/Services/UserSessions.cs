using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Users.Models;

namespace Portal.Users.Services;

/// <summary>
/// Server-side sign-in sessions. A cookie names its session; it is honoured only while the session
/// is open and the user's security stamp has not changed since (checked on every request, one
/// indexed read), so sign-out ends that cookie at once and a password change, a role change, a
/// lock or "sign out everywhere" ends every cookie of the user.
/// </summary>
public sealed class UserSessions(PortalDbContext db, TimeProvider clock)
{
    public const string SessionClaim = "portal:sid";

    private static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(5);

    /// <summary>Opens a session for a principal being signed in and adds its id to the principal.</summary>
    public async Task OpenAsync(ClaimsPrincipal principal, HttpContext context, string stampClaimType, CancellationToken cancellationToken)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || principal.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UserId = userId,
            SecurityStamp = principal.FindFirstValue(stampClaimType) ?? "",
            CreatedUtc = now,
            LastSeenUtc = now,
            IpAddress = Cut(context.Connection.RemoteIpAddress?.ToString(), 64),
            UserAgent = Cut(context.Request.Headers.UserAgent.ToString(), 300),
        };
        db.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(session).State = EntityState.Detached;
        foreach (var old in identity.FindAll(SessionClaim).ToList())
        {
            identity.RemoveClaim(old);
        }

        identity.AddClaim(new Claim(SessionClaim, session.Id));
    }

    /// <summary>True when the principal's session is open and its user's stamp unchanged.</summary>
    public async Task<bool> IsValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var sessionId = principal.FindFirstValue(SessionClaim);
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (sessionId is null || userId is null)
        {
            return false;
        }

        var row = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId && s.RevokedUtc == null)
            .Join(db.Set<PortalUser>(), s => s.UserId, u => u.Id, (s, u) => new { s.SecurityStamp, UserStamp = u.SecurityStamp, s.LastSeenUtc })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null || !string.Equals(row.SecurityStamp, row.UserStamp ?? "", StringComparison.Ordinal))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now - row.LastSeenUtc > LastSeenPrecision)
        {
            await db.Set<UserSession>().Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenUtc, now), cancellationToken);
        }

        return true;
    }

    /// <summary>Ends one session (sign-out).</summary>
    public async Task CloseAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.FindFirstValue(SessionClaim) is { } sessionId)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Set<UserSession>().Where(s => s.Id == sessionId && s.RevokedUtc == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedUtc, now), cancellationToken);
        }
    }

    /// <summary>Ends every session of a user: their stamp changes, so no cookie issued before stays valid.</summary>
    public async Task CloseAllAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await db.Set<PortalUser>().Where(u => u.Id == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.SecurityStamp, stamp).SetProperty(x => x.ConcurrencyStamp, Guid.NewGuid().ToString()), cancellationToken);
        await db.Set<UserSession>().Where(s => s.UserId == userId && s.RevokedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedUtc, now), cancellationToken);
    }

    /// <summary>The user's open sessions, newest first.</summary>
    public async Task<IReadOnlyList<UserSession>> OpenSessionsAsync(string userId, CancellationToken cancellationToken)
    {
        var stamp = await db.Set<PortalUser>().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync(cancellationToken) ?? "";
        return await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedUtc == null && s.SecurityStamp == stamp)
            .OrderByDescending(s => s.LastSeenUtc)
            .Take(100)
            .ToListAsync(cancellationToken);
    }

    private static string? Cut(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= length ? value : value[..length];
}

/// <summary>Identity's claim type for the security stamp, for <see cref="UserSessions"/>.</summary>
internal static class StampClaim
{
    public static string Type(IdentityOptions options) => options.ClaimsIdentity.SecurityStampClaimType;
}
