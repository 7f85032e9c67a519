using Microsoft.EntityFrameworkCore;

namespace Portal.Questions.Models;

internal static class QuestionsModel
{
    public const int TitleLength = 300;

    public const int ContentLength = 10_000;

    public const int NameLength = 150;

    public const int EmailLength = 254;

    public const int PhoneLength = 20;

    public const int AddressLength = 300;

    public const int AgencyLength = 200;

    public const int NoteLength = 2_000;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<QuestionCase>(c =>
        {
            c.ToTable("Questions");
            c.HasKey(q => q.Id);
            c.Property(q => q.TrackingCode).HasMaxLength(20).IsRequired();
            c.Property(q => q.SenderName).HasMaxLength(NameLength).IsRequired();
            c.Property(q => q.Email).HasMaxLength(EmailLength).IsRequired();
            c.Property(q => q.Phone).HasMaxLength(PhoneLength).IsRequired();
            c.Property(q => q.Address).HasMaxLength(AddressLength).IsRequired();
            c.Property(q => q.Title).HasMaxLength(TitleLength).IsRequired();
            c.Property(q => q.Content).IsRequired();
            c.Property(q => q.Field).HasMaxLength(60).IsRequired();
            c.Property(q => q.Status).HasConversion<string>().HasMaxLength(20);
            c.Property(q => q.Source).HasConversion<string>().HasMaxLength(20);
            c.Property(q => q.Rejection).HasConversion<string>().HasMaxLength(20);
            c.Property(q => q.ApiClientId).HasMaxLength(100);
            c.Property(q => q.ExtensionReason).HasMaxLength(NoteLength);
            c.Property(q => q.AssignedUnit).HasMaxLength(AgencyLength);
            c.Property(q => q.AgencyName).HasMaxLength(AgencyLength);
            c.Property(q => q.RejectionNote).HasMaxLength(NoteLength);
            c.Property(q => q.AnswerContentItemId).HasMaxLength(64);
            c.Ignore(q => q.IsOpen);

            // /hoi-dap/tra-cuu and GET /api/questions/{code}: one site's code is unique there.
            c.HasIndex(q => new { q.TenantId, q.TrackingCode }).IsUnique();

            // The inbox and the overdue dashboard: a site's cases by status, nearest deadline first.
            c.HasIndex(q => new { q.TenantId, q.Status, q.AnswerDue });

            // GET /api/questions: one client's submissions since a time.
            c.HasIndex(q => new { q.TenantId, q.ApiClientId, q.UpdatedUtc });
        });

        modelBuilder.Entity<QuestionStep>(s =>
        {
            s.ToTable("QuestionSteps");
            s.HasKey(x => x.Id);
            s.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            s.Property(x => x.ActorId).HasMaxLength(100).IsRequired();
            s.Property(x => x.ActorName).HasMaxLength(256).IsRequired();
            s.Property(x => x.RemoteAddress).HasMaxLength(64).IsRequired();
            s.Property(x => x.PublicText).HasMaxLength(NoteLength);
            s.Property(x => x.Note).HasMaxLength(NoteLength);
            s.Property(x => x.ToAgency).HasMaxLength(AgencyLength);
            s.HasIndex(x => new { x.TenantId, x.CaseId, x.AtUtc });
            s.HasIndex(x => x.RelayId);
        });

        modelBuilder.Entity<QuestionRelay>(r =>
        {
            r.ToTable("QuestionRelays");
            r.HasKey(x => x.Id);
            r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.Payload).IsRequired();
            r.Property(x => x.LastError).HasMaxLength(NoteLength);

            // Delivery: a site's undelivered relays, oldest first.
            r.HasIndex(x => new { x.TenantId, x.DeliveredUtc, x.Id });
        });

        modelBuilder.Entity<QuestionAttachment>(a =>
        {
            a.ToTable("QuestionAttachments");
            a.HasKey(x => x.Id);
            a.Property(x => x.FileName).HasMaxLength(255).IsRequired();
            a.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
            a.Property(x => x.StoredName).HasMaxLength(100).IsRequired();
            a.HasIndex(x => new { x.TenantId, x.CaseId });
        });

        modelBuilder.Entity<PublishedQuestion>(p =>
        {
            p.ToTable("QuestionsPublished");
            p.HasKey(x => x.Id);
            p.Property(x => x.ContentItemId).HasMaxLength(64).IsRequired();
            p.Property(x => x.Slug).HasMaxLength(200).IsRequired();
            p.Property(x => x.Culture).HasMaxLength(10).IsRequired();
            p.Property(x => x.Title).HasMaxLength(500).IsRequired();
            p.Property(x => x.Question).IsRequired();
            p.Property(x => x.Answer).IsRequired();
            p.Property(x => x.Field).HasMaxLength(60).IsRequired();
            p.Property(x => x.Agency).HasMaxLength(AgencyLength).IsRequired();
            p.Property(x => x.SenderName).HasMaxLength(NameLength);
            p.Property(x => x.Answerer).HasMaxLength(AgencyLength).IsRequired();
            p.HasIndex(x => new { x.TenantId, x.ContentItemId }).IsUnique();
            p.HasIndex(x => new { x.TenantId, x.Slug });

            // /hoi-dap: newest answers first, filtered by field or agency.
            p.HasIndex(x => new { x.TenantId, x.Culture, x.PublishedUtc });
        });

        QuestionsPublicModel.Configure(modelBuilder);
    }
}
