using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Core.Migrations;

/// <summary>The mail outbox (<see cref="Mail.OutboxMessage"/>) and the scheduler's lease rows (<see cref="Scheduling.ScheduledJobLease"/>).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261207000100_Core_MailOutbox")]
internal sealed class M20261207000100_CoreMailOutbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MailOutbox",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                Key = t.Column<string>(maxLength: 200, nullable: false),
                To = t.Column<string>(maxLength: 320, nullable: false),
                Subject = t.Column<string>(maxLength: 300, nullable: false),
                TextBody = t.Column<string>(nullable: false),
                HtmlBody = t.Column<string>(nullable: true),
                CreatedUtc = t.Column<DateTime>(nullable: false),
                State = t.Column<string>(maxLength: 20, nullable: false),
                Attempts = t.Column<int>(nullable: false),
                NextAttemptUtc = t.Column<DateTime>(nullable: false),
                LastAttemptUtc = t.Column<DateTime>(nullable: true),
                SentUtc = t.Column<DateTime>(nullable: true),
                LastError = t.Column<string>(maxLength: 1000, nullable: true),
                ClaimToken = t.Column<string>(maxLength: 40, nullable: true),
                ClaimedUntilUtc = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_MailOutbox", x => x.Id));
        migrationBuilder.CreateIndex("IX_MailOutbox_TenantId_Key", "MailOutbox", ["TenantId", "Key"], unique: true);
        migrationBuilder.CreateIndex("IX_MailOutbox_State_NextAttemptUtc", "MailOutbox", ["State", "NextAttemptUtc"]);

        migrationBuilder.CreateTable(
            name: "ScheduledJobs",
            columns: t => new
            {
                Name = t.Column<string>(maxLength: 100, nullable: false),
                LastPeriodUtc = t.Column<DateTime>(nullable: true),
                Holder = t.Column<string>(maxLength: 200, nullable: true),
                LeaseUntilUtc = t.Column<DateTime>(nullable: true),
                LastStartedUtc = t.Column<DateTime>(nullable: true),
                LastFinishedUtc = t.Column<DateTime>(nullable: true),
                LastError = t.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_ScheduledJobs", x => x.Name));
    }
}
