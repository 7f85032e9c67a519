using Microsoft.EntityFrameworkCore;

namespace Portal.Dialogues.Models;

internal static class DialoguesModel
{
    public const int TitleLength = 300;

    public const int NameLength = 150;

    public const int QuestionLength = 2_000;

    public const int AnswerLength = 20_000;

    public const int ReasonLength = 500;

    public const int UserLength = 256;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Dialogue>(d =>
        {
            d.ToTable("Dialogues");
            d.HasKey(x => x.Id);
            d.Property(x => x.ContentItemId).HasMaxLength(64).IsRequired();
            d.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.StageChangedBy).HasMaxLength(UserLength).IsRequired();
            d.Ignore(x => x.QuestionsUntilUtc);
            d.HasIndex(x => new { x.TenantId, x.ContentItemId }).IsUnique();

            // The stage job's one cross-site query: dialogues not ended whose next planned time has come.
            d.HasIndex(x => new { x.Stage, x.StartUtc });
        });

        modelBuilder.Entity<PublishedDialogue>(p =>
        {
            p.ToTable("DialoguesPublished");
            p.HasKey(x => x.Id);
            p.Property(x => x.ContentItemId).HasMaxLength(64).IsRequired();
            p.Property(x => x.Slug).HasMaxLength(200).IsRequired();
            p.Property(x => x.Title).HasMaxLength(500).IsRequired();
            p.Property(x => x.Data).IsRequired();
            p.HasIndex(x => new { x.TenantId, x.ContentItemId }).IsUnique();
            p.HasIndex(x => new { x.TenantId, x.Slug });
        });

        modelBuilder.Entity<DialogueQuestion>(q =>
        {
            q.ToTable("DialogueQuestions");
            q.HasKey(x => x.Id);
            q.Property(x => x.DialogueId).HasMaxLength(64).IsRequired();
            q.Property(x => x.Text).HasMaxLength(QuestionLength).IsRequired();
            q.Property(x => x.OriginalText).HasMaxLength(QuestionLength).IsRequired();
            q.Property(x => x.SenderName).HasMaxLength(NameLength).IsRequired();
            q.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            q.Property(x => x.RejectionReason).HasMaxLength(ReasonLength);
            q.Property(x => x.GuestName).HasMaxLength(NameLength);
            q.Property(x => x.AnswerText).HasMaxLength(AnswerLength);
            q.Property(x => x.AnswerTypedBy).HasMaxLength(UserLength);
            q.Ignore(x => x.PublicName);

            // The moderator's queue and the public page: one dialogue's questions by state.
            q.HasIndex(x => new { x.TenantId, x.DialogueId, x.State });

            // "What came after N": one dialogue's public entries by number; unique, so a number is never given twice.
            q.HasIndex(x => new { x.TenantId, x.DialogueId, x.Sequence }).IsUnique();
        });

        modelBuilder.Entity<DialogueHistoryEntry>(h =>
        {
            h.ToTable("DialogueHistory");
            h.HasKey(x => x.Id);
            h.Property(x => x.DialogueId).HasMaxLength(64).IsRequired();
            h.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            h.Property(x => x.ActorId).HasMaxLength(100).IsRequired();
            h.Property(x => x.ActorName).HasMaxLength(UserLength).IsRequired();
            h.Property(x => x.RemoteAddress).HasMaxLength(64).IsRequired();
            h.Property(x => x.Before).HasMaxLength(AnswerLength);
            h.Property(x => x.After).HasMaxLength(AnswerLength);
            h.Property(x => x.Note).HasMaxLength(ReasonLength);
            h.HasIndex(x => new { x.TenantId, x.DialogueId, x.QuestionId });
        });
    }
}
