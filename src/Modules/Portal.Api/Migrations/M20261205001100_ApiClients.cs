using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Api.Migrations;

/// <summary>
/// OpenIddict's four tables under the module's names (clients per site: TenantId, a unique client
/// id per site, the last call) and the installation's token keys. Column sizes are OpenIddict's.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261205001100_ApiClients")]
internal sealed class M20261205001100_ApiClients : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ApiClients",
            columns: t => new
            {
                Id = t.Column<string>(nullable: false),
                TenantId = t.Column<int>(nullable: false),
                CreatedUtc = t.Column<DateTime>(nullable: false),
                LastCalledUtc = t.Column<DateTime>(nullable: true),
                ApplicationType = t.Column<string>(maxLength: 50, nullable: true),
                ClientId = t.Column<string>(maxLength: 100, nullable: true),
                ClientSecret = t.Column<string>(nullable: true),
                ClientType = t.Column<string>(maxLength: 50, nullable: true),
                ConcurrencyToken = t.Column<string>(maxLength: 50, nullable: true),
                ConsentType = t.Column<string>(maxLength: 50, nullable: true),
                DisplayName = t.Column<string>(nullable: true),
                DisplayNames = t.Column<string>(nullable: true),
                JsonWebKeySet = t.Column<string>(nullable: true),
                Permissions = t.Column<string>(nullable: true),
                PostLogoutRedirectUris = t.Column<string>(nullable: true),
                Properties = t.Column<string>(nullable: true),
                RedirectUris = t.Column<string>(nullable: true),
                Requirements = t.Column<string>(nullable: true),
                Settings = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_ApiClients", x => x.Id));
        migrationBuilder.CreateIndex("IX_ApiClients_TenantId_ClientId", "ApiClients", ["TenantId", "ClientId"], unique: true);

        migrationBuilder.CreateTable(
            name: "ApiScopes",
            columns: t => new
            {
                Id = t.Column<string>(nullable: false),
                ConcurrencyToken = t.Column<string>(maxLength: 50, nullable: true),
                Description = t.Column<string>(nullable: true),
                Descriptions = t.Column<string>(nullable: true),
                DisplayName = t.Column<string>(nullable: true),
                DisplayNames = t.Column<string>(nullable: true),
                Name = t.Column<string>(maxLength: 200, nullable: true),
                Properties = t.Column<string>(nullable: true),
                Resources = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_ApiScopes", x => x.Id));
        migrationBuilder.CreateIndex("IX_ApiScopes_Name", "ApiScopes", "Name", unique: true);

        migrationBuilder.CreateTable(
            name: "ApiAuthorizations",
            columns: t => new
            {
                Id = t.Column<string>(nullable: false),
                ApplicationId = t.Column<string>(nullable: true),
                ConcurrencyToken = t.Column<string>(maxLength: 50, nullable: true),
                CreationDate = t.Column<DateTime>(nullable: true),
                Properties = t.Column<string>(nullable: true),
                Scopes = t.Column<string>(nullable: true),
                Status = t.Column<string>(maxLength: 50, nullable: true),
                Subject = t.Column<string>(maxLength: 400, nullable: true),
                Type = t.Column<string>(maxLength: 50, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ApiAuthorizations", x => x.Id);
                t.ForeignKey("FK_ApiAuthorizations_ApiClients_ApplicationId", x => x.ApplicationId, "ApiClients", "Id");
            });
        migrationBuilder.CreateIndex("IX_ApiAuthorizations_ApplicationId_Status_Subject_Type", "ApiAuthorizations", ["ApplicationId", "Status", "Subject", "Type"]);

        migrationBuilder.CreateTable(
            name: "ApiTokens",
            columns: t => new
            {
                Id = t.Column<string>(nullable: false),
                ApplicationId = t.Column<string>(nullable: true),
                AuthorizationId = t.Column<string>(nullable: true),
                ConcurrencyToken = t.Column<string>(maxLength: 50, nullable: true),
                CreationDate = t.Column<DateTime>(nullable: true),
                ExpirationDate = t.Column<DateTime>(nullable: true),
                Payload = t.Column<string>(nullable: true),
                Properties = t.Column<string>(nullable: true),
                RedemptionDate = t.Column<DateTime>(nullable: true),
                ReferenceId = t.Column<string>(maxLength: 100, nullable: true),
                Status = t.Column<string>(maxLength: 50, nullable: true),
                Subject = t.Column<string>(maxLength: 400, nullable: true),
                Type = t.Column<string>(maxLength: 150, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ApiTokens", x => x.Id);
                t.ForeignKey("FK_ApiTokens_ApiAuthorizations_AuthorizationId", x => x.AuthorizationId, "ApiAuthorizations", "Id");
                t.ForeignKey("FK_ApiTokens_ApiClients_ApplicationId", x => x.ApplicationId, "ApiClients", "Id");
            });
        migrationBuilder.CreateIndex("IX_ApiTokens_ApplicationId_Status_Subject_Type", "ApiTokens", ["ApplicationId", "Status", "Subject", "Type"]);
        migrationBuilder.CreateIndex("IX_ApiTokens_AuthorizationId", "ApiTokens", "AuthorizationId");
        migrationBuilder.CreateIndex("IX_ApiTokens_ReferenceId", "ApiTokens", "ReferenceId", unique: true);

        migrationBuilder.CreateTable(
            name: "ApiKeys",
            columns: t => new
            {
                Purpose = t.Column<string>(maxLength: 20, nullable: false),
                Material = t.Column<string>(nullable: false),
                CreatedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_ApiKeys", x => x.Purpose));
    }
}
