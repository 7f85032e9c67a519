using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Portal.Users.Models;

namespace Portal.Users.Services;

public sealed record AdministratorResult(PortalUser User, bool Created, string? GeneratedPassword);

/// <summary>Creates an administrator login for the current site, or grants the role to an existing one.</summary>
public sealed class AdministratorAccounts(UserManager<PortalUser> users, IRoleGrants roles, TimeProvider clock)
{
    public async Task<AdministratorResult> EnsureAsync(string userName, string? email, string? password, CancellationToken cancellationToken = default)
    {
        if (userName.Length is < 2 or > 64 || userName.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new ArgumentException($"The user name '{userName}' is not valid: 2-64 characters, no spaces.");
        }

        if (email is { Length: > 256 } || (email is not null && !email.Contains('@', StringComparison.Ordinal)))
        {
            throw new ArgumentException("The e-mail address is not valid (at most 256 characters, with an @).");
        }

        await roles.EnsureStandardRolesAsync(cancellationToken);
        var user = await users.FindByNameAsync(userName);
        string? generated = null;
        var created = false;
        if (user is null)
        {
            if (string.IsNullOrEmpty(password))
            {
                password = generated = GeneratePassword();
            }

            user = new PortalUser
            {
                UserName = userName,
                Email = email,
                DisplayName = userName,
                EmailConfirmed = true,
                LockoutEnabled = true,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Cannot create the user: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            created = true;
        }
        else if (!string.IsNullOrEmpty(password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Cannot set the password: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }

        await roles.GrantAsync(user.Id, RoleNames.Administrator, cancellationToken);
        return new AdministratorResult(user, created, generated);
    }

    /// <summary>16 characters with every class the password policy asks for.</summary>
    internal static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "!@#$%*-_+=";
        const string all = lower + upper + digits + symbols;
        var chars = new char[16];
        chars[0] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[1] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
