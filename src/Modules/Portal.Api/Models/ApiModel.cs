using Microsoft.EntityFrameworkCore;

namespace Portal.Api.Models;

internal static class ApiModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict<ApiClient, ApiAuthorization, ApiScope, ApiToken, string>();

        modelBuilder.Entity<ApiClient>(client =>
        {
            client.ToTable("ApiClients");

            // A client id is unique within its site, not across the installation: two communes may
            // both name their client "cong-dich-vu-cong". OpenIddict's own index is on ClientId alone.
            var openIddictIndex = client.Metadata.GetIndexes().Single(i => i.Properties.Count == 1 && i.Properties[0].Name == nameof(ApiClient.ClientId));
            client.Metadata.RemoveIndex(openIddictIndex);
            client.HasIndex(c => new { c.TenantId, c.ClientId }).IsUnique();
        });
        modelBuilder.Entity<ApiAuthorization>().ToTable("ApiAuthorizations");
        modelBuilder.Entity<ApiScope>().ToTable("ApiScopes");
        modelBuilder.Entity<ApiToken>().ToTable("ApiTokens");

        modelBuilder.Entity<ApiKey>(key =>
        {
            key.ToTable("ApiKeys");
            key.HasKey(k => k.Purpose);
            key.Property(k => k.Purpose).HasMaxLength(20);
            key.Property(k => k.Material).IsRequired();
        });
    }
}
