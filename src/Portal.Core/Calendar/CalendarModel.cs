using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Calendar;

/// <summary>The working-day calendar's one table.</summary>
internal static class CalendarModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        var day = modelBuilder.Entity<CalendarDay>();
        day.ToTable("CalendarDays");
        day.HasKey(d => d.Id);
        day.HasIndex(d => d.Date).IsUnique();
        day.HasIndex(d => d.Year);
        day.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        day.Property(d => d.Name).HasMaxLength(CalendarDayRules.NameMaxLength).IsRequired();
        day.Property(d => d.Note).HasMaxLength(CalendarDayRules.NoteMaxLength);
    }
}
