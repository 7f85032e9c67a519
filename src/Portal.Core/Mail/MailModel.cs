using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Mail;

/// <summary>The outbox table (migration <c>Core_MailOutbox</c>).</summary>
internal static class MailModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        var message = modelBuilder.Entity<OutboxMessage>();
        message.ToTable("MailOutbox");
        message.HasKey(m => m.Id);
        message.Property(m => m.Key).HasMaxLength(MailOutbox.MaxKeyLength).IsRequired();
        message.Property(m => m.To).HasMaxLength(MailAddresses.MaxLength).IsRequired();
        message.Property(m => m.Subject).HasMaxLength(MailOutbox.MaxSubjectLength).IsRequired();
        message.Property(m => m.TextBody).IsRequired();
        message.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
        message.Property(m => m.LastError).HasMaxLength(1000);
        message.Property(m => m.ClaimToken).HasMaxLength(40);

        // One message per notification and site: the idempotency of IMailOutbox, enforced by the database.
        message.HasIndex(m => new { m.TenantId, m.Key }).IsUnique();

        // The senders' only query: what is pending and due, oldest due first.
        message.HasIndex(m => new { m.State, m.NextAttemptUtc });
    }
}
