using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Dialogues.Migrations;

/// <summary>Online dialogues: the module's record of each dialogue (stage, plan, sequence counter), the published projection, the citizens' questions with their answers, and the audit.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261215000100_Dialogues_Initial")]
internal sealed class M20261215000100_Dialogues : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Dialogues",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                ContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                StartUtc = t.Column<DateTime>(nullable: false),
                EndUtc = t.Column<DateTime>(nullable: false),
                QuestionsCloseUtc = t.Column<DateTime>(nullable: true),
                Stage = t.Column<string>(maxLength: 20, nullable: false),
                StageChangedUtc = t.Column<DateTime>(nullable: false),
                StageChangedBy = t.Column<string>(maxLength: 256, nullable: false),
                StageSetByHand = t.Column<bool>(nullable: false),
                LastSequence = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Dialogues", x => x.Id));
        migrationBuilder.CreateIndex("IX_Dialogues_TenantId_ContentItemId", "Dialogues", ["TenantId", "ContentItemId"], unique: true);
        migrationBuilder.CreateIndex("IX_Dialogues_Stage_StartUtc", "Dialogues", ["Stage", "StartUtc"]);

        migrationBuilder.CreateTable(
            name: "DialoguesPublished",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                ContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                Slug = t.Column<string>(maxLength: 200, nullable: false),
                Title = t.Column<string>(maxLength: 500, nullable: false),
                StartUtc = t.Column<DateTime>(nullable: false),
                EndUtc = t.Column<DateTime>(nullable: false),
                Data = t.Column<string>(nullable: false),
                UpdatedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_DialoguesPublished", x => x.Id));
        migrationBuilder.CreateIndex("IX_DialoguesPublished_TenantId_ContentItemId", "DialoguesPublished", ["TenantId", "ContentItemId"], unique: true);
        migrationBuilder.CreateIndex("IX_DialoguesPublished_TenantId_Slug", "DialoguesPublished", ["TenantId", "Slug"]);

        migrationBuilder.CreateTable(
            name: "DialogueQuestions",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                DialogueId = t.Column<string>(maxLength: 64, nullable: false),
                Text = t.Column<string>(maxLength: 2000, nullable: false),
                OriginalText = t.Column<string>(maxLength: 2000, nullable: false),
                SenderName = t.Column<string>(maxLength: 150, nullable: false),
                ShowName = t.Column<bool>(nullable: false),
                State = t.Column<string>(maxLength: 20, nullable: false),
                RejectionReason = t.Column<string>(maxLength: 500, nullable: true),
                MergedIntoId = t.Column<int>(nullable: true),
                SortOrder = t.Column<int>(nullable: false),
                GuestName = t.Column<string>(maxLength: 150, nullable: true),
                AnswerText = t.Column<string>(maxLength: 20000, nullable: true),
                AnswerTypedBy = t.Column<string>(maxLength: 256, nullable: true),
                TypedBySecretary = t.Column<bool>(nullable: false),
                VideoSeconds = t.Column<int>(nullable: true),
                Sequence = t.Column<int>(nullable: true),
                SubmittedUtc = t.Column<DateTime>(nullable: false),
                AnsweredUtc = t.Column<DateTime>(nullable: true),
                PublishedUtc = t.Column<DateTime>(nullable: true),
                UpdatedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_DialogueQuestions", x => x.Id));
        migrationBuilder.CreateIndex("IX_DialogueQuestions_TenantId_DialogueId_State", "DialogueQuestions", ["TenantId", "DialogueId", "State"]);
        migrationBuilder.CreateIndex("IX_DialogueQuestions_TenantId_DialogueId_Sequence", "DialogueQuestions", ["TenantId", "DialogueId", "Sequence"], unique: true);

        migrationBuilder.CreateTable(
            name: "DialogueHistory",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                DialogueId = t.Column<string>(maxLength: 64, nullable: false),
                QuestionId = t.Column<int>(nullable: true),
                Kind = t.Column<string>(maxLength: 30, nullable: false),
                ActorId = t.Column<string>(maxLength: 100, nullable: false),
                ActorName = t.Column<string>(maxLength: 256, nullable: false),
                RemoteAddress = t.Column<string>(maxLength: 64, nullable: false),
                AtUtc = t.Column<DateTime>(nullable: false),
                Before = t.Column<string>(maxLength: 20000, nullable: true),
                After = t.Column<string>(maxLength: 20000, nullable: true),
                Note = t.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_DialogueHistory", x => x.Id));
        migrationBuilder.CreateIndex("IX_DialogueHistory_TenantId_DialogueId_QuestionId", "DialogueHistory", ["TenantId", "DialogueId", "QuestionId"], unique: false);
    }
}
