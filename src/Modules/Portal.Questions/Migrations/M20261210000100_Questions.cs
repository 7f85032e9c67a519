using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Questions.Migrations;

/// <summary>Citizens' questions: the cases, their steps (history, audit, chain of custody), attachments and the published answers.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261210000100_Questions_Initial")]
internal sealed class M20261210000100_Questions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Questions",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                TrackingCode = t.Column<string>(maxLength: 20, nullable: false),
                SenderName = t.Column<string>(maxLength: 150, nullable: false),
                Email = t.Column<string>(maxLength: 254, nullable: false),
                Phone = t.Column<string>(maxLength: 20, nullable: false),
                Address = t.Column<string>(maxLength: 300, nullable: false),
                Title = t.Column<string>(maxLength: 300, nullable: false),
                Content = t.Column<string>(nullable: false),
                Field = t.Column<string>(maxLength: 60, nullable: false),
                ConsentToPublish = t.Column<bool>(nullable: false),
                ShowName = t.Column<bool>(nullable: false),
                Status = t.Column<string>(maxLength: 20, nullable: false),
                Source = t.Column<string>(maxLength: 20, nullable: false),
                ApiClientId = t.Column<string>(maxLength: 100, nullable: true),
                ReceivedUtc = t.Column<DateTime>(nullable: false),
                ForwardDue = t.Column<DateOnly>(nullable: false),
                AnswerDue = t.Column<DateOnly>(nullable: false),
                DueIsProvisional = t.Column<bool>(nullable: false),
                ExtensionReason = t.Column<string>(maxLength: 2000, nullable: true),
                AssignedUnit = t.Column<string>(maxLength: 200, nullable: true),
                AssignedTenantId = t.Column<int>(nullable: true),
                AgencyName = t.Column<string>(maxLength: 200, nullable: true),
                OriginTenantId = t.Column<int>(nullable: true),
                OriginCaseId = t.Column<int>(nullable: true),
                Rejection = t.Column<string>(maxLength: 20, nullable: true),
                RejectionNote = t.Column<string>(maxLength: 2000, nullable: true),
                MergedIntoId = t.Column<int>(nullable: true),
                AnswerContentItemId = t.Column<string>(maxLength: 64, nullable: true),
                AnsweredUtc = t.Column<DateTime>(nullable: true),
                RemindedFor = t.Column<DateOnly>(nullable: true),
                UpdatedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Questions", x => x.Id));
        migrationBuilder.CreateIndex("IX_Questions_TenantId_TrackingCode", "Questions", ["TenantId", "TrackingCode"], unique: true);
        migrationBuilder.CreateIndex("IX_Questions_TenantId_Status_AnswerDue", "Questions", ["TenantId", "Status", "AnswerDue"]);
        migrationBuilder.CreateIndex("IX_Questions_TenantId_ApiClientId_UpdatedUtc", "Questions", ["TenantId", "ApiClientId", "UpdatedUtc"]);

        migrationBuilder.CreateTable(
            name: "QuestionSteps",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                CaseId = t.Column<int>(nullable: false),
                Kind = t.Column<string>(maxLength: 30, nullable: false),
                AtUtc = t.Column<DateTime>(nullable: false),
                ActorId = t.Column<string>(maxLength: 100, nullable: false),
                ActorName = t.Column<string>(maxLength: 256, nullable: false),
                RemoteAddress = t.Column<string>(maxLength: 64, nullable: false),
                PublicText = t.Column<string>(maxLength: 2000, nullable: true),
                Note = t.Column<string>(maxLength: 2000, nullable: true),
                ToAgency = t.Column<string>(maxLength: 200, nullable: true),
                ToTenantId = t.Column<int>(nullable: true),
                Due = t.Column<DateOnly>(nullable: true),
                RelayId = t.Column<int>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_QuestionSteps", x => x.Id));
        migrationBuilder.CreateIndex("IX_QuestionSteps_TenantId_CaseId_AtUtc", "QuestionSteps", ["TenantId", "CaseId", "AtUtc"]);
        migrationBuilder.CreateIndex("IX_QuestionSteps_RelayId", "QuestionSteps", "RelayId");

        migrationBuilder.CreateTable(
            name: "QuestionRelays",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                CaseId = t.Column<int>(nullable: false),
                ToTenantId = t.Column<int>(nullable: false),
                Kind = t.Column<string>(maxLength: 20, nullable: false),
                Payload = t.Column<string>(nullable: false),
                CreatedUtc = t.Column<DateTime>(nullable: false),
                DeliveredUtc = t.Column<DateTime>(nullable: true),
                Attempts = t.Column<int>(nullable: false),
                LastError = t.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_QuestionRelays", x => x.Id));
        migrationBuilder.CreateIndex("IX_QuestionRelays_TenantId_DeliveredUtc_Id", "QuestionRelays", ["TenantId", "DeliveredUtc", "Id"]);

        migrationBuilder.CreateTable(
            name: "QuestionAttachments",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                CaseId = t.Column<int>(nullable: false),
                FileName = t.Column<string>(maxLength: 255, nullable: false),
                ContentType = t.Column<string>(maxLength: 100, nullable: false),
                Length = t.Column<long>(nullable: false),
                StoredName = t.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_QuestionAttachments", x => x.Id));
        migrationBuilder.CreateIndex("IX_QuestionAttachments_TenantId_CaseId", "QuestionAttachments", ["TenantId", "CaseId"]);

        migrationBuilder.CreateTable(
            name: "QuestionsPublished",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                ContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                Slug = t.Column<string>(maxLength: 200, nullable: false),
                Culture = t.Column<string>(maxLength: 10, nullable: false),
                Title = t.Column<string>(maxLength: 500, nullable: false),
                Question = t.Column<string>(nullable: false),
                Answer = t.Column<string>(nullable: false),
                Field = t.Column<string>(maxLength: 60, nullable: false),
                Agency = t.Column<string>(maxLength: 200, nullable: false),
                SenderName = t.Column<string>(maxLength: 150, nullable: true),
                Answerer = t.Column<string>(maxLength: 200, nullable: false),
                AskedUtc = t.Column<DateTime>(nullable: false),
                AnsweredUtc = t.Column<DateTime>(nullable: false),
                PublishedUtc = t.Column<DateTime>(nullable: false),
                UsefulCount = t.Column<int>(nullable: false),
                NotUsefulCount = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_QuestionsPublished", x => x.Id));
        migrationBuilder.CreateIndex("IX_QuestionsPublished_TenantId_ContentItemId", "QuestionsPublished", ["TenantId", "ContentItemId"], unique: true);
        migrationBuilder.CreateIndex("IX_QuestionsPublished_TenantId_Slug", "QuestionsPublished", ["TenantId", "Slug"]);
        migrationBuilder.CreateIndex("IX_QuestionsPublished_TenantId_Culture_PublishedUtc", "QuestionsPublished", ["TenantId", "Culture", "PublishedUtc"]);
    }
}
