using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;

namespace Portal.Users.Models;

/// <summary>This module's tables: ASP.NET Core Identity's user tables and the per-site roles.</summary>
internal static class UsersModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PortalUser>(user =>
        {
            user.ToTable("Users");
            user.HasKey(u => u.Id);
            user.Property(u => u.Id).HasMaxLength(64);
            user.Property(u => u.UserName).HasMaxLength(256);
            user.Property(u => u.NormalizedUserName).HasMaxLength(256);
            user.Property(u => u.Email).HasMaxLength(256);
            user.Property(u => u.NormalizedEmail).HasMaxLength(256);
            user.Property(u => u.PhoneNumber).HasMaxLength(32);
            user.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
            user.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
            user.HasIndex(u => u.NormalizedUserName).IsUnique();
            user.HasIndex(u => u.NormalizedEmail);
        });

        modelBuilder.Entity<IdentityUserClaim<string>>(claim =>
        {
            claim.ToTable("UserClaims");
            claim.HasKey(c => c.Id);
            claim.Property(c => c.UserId).HasMaxLength(64);
            claim.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.UserId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<IdentityUserLogin<string>>(login =>
        {
            login.ToTable("UserLogins");
            login.HasKey(l => new { l.LoginProvider, l.ProviderKey });
            login.Property(l => l.LoginProvider).HasMaxLength(128);
            login.Property(l => l.ProviderKey).HasMaxLength(128);
            login.Property(l => l.UserId).HasMaxLength(64);
            login.HasOne<PortalUser>().WithMany().HasForeignKey(l => l.UserId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<IdentityUserToken<string>>(token =>
        {
            token.ToTable("UserTokens");
            token.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
            token.Property(t => t.UserId).HasMaxLength(64);
            token.Property(t => t.LoginProvider).HasMaxLength(128);
            token.Property(t => t.Name).HasMaxLength(128);
            token.HasOne<PortalUser>().WithMany().HasForeignKey(t => t.UserId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<UserSession>(session =>
        {
            session.ToTable("UserSessions");
            session.HasKey(s => s.Id);
            session.Property(s => s.Id).HasMaxLength(32);
            session.Property(s => s.UserId).HasMaxLength(64).IsRequired();
            session.Property(s => s.SecurityStamp).HasMaxLength(64).IsRequired();
            session.Property(s => s.IpAddress).HasMaxLength(64);
            session.Property(s => s.UserAgent).HasMaxLength(300);
            session.HasIndex(s => s.UserId);
            session.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TenantRole>(role =>
        {
            role.ToTable("TenantRoles");
            role.HasKey(r => new { r.TenantId, r.Name });
            role.Property(r => r.Name).HasMaxLength(64);
            role.Property(r => r.Description).HasMaxLength(300).IsRequired();
            role.Property(r => r.Permissions).HasJsonStringList();
        });

        modelBuilder.Entity<UserTenantRole>(grant =>
        {
            grant.ToTable("UserTenantRoles");
            grant.HasKey(g => new { g.TenantId, g.UserId, g.RoleName });
            grant.Property(g => g.UserId).HasMaxLength(64);
            grant.Property(g => g.RoleName).HasMaxLength(64);
            grant.HasIndex(g => g.UserId);
            grant.HasOne<PortalUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
