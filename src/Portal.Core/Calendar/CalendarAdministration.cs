using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;

namespace Portal.Core.Calendar;

/// <summary>
/// Reads and edits the installation's calendar days, for the admin page (<c>/admin/ngay-nghi</c>,
/// the province's). Every edit commits on its own and then reloads the in-memory calendar here and
/// on the other nodes, so the next deadline computed anywhere uses it.
/// </summary>
public sealed class CalendarAdministration
{
    private readonly PortalDbContext _db;
    private readonly WorkingDayCalendar _calendar;
    private readonly TimeProvider _clock;

    internal CalendarAdministration(PortalDbContext db, WorkingDayCalendar calendar, TimeProvider clock)
    {
        _db = db;
        _calendar = calendar;
        _clock = clock;
    }

    private DbSet<CalendarDay> Days => _db.Set<CalendarDay>();

    /// <summary>The years that have at least one day, in order.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default) =>
        await Days.Select(d => d.Year).Distinct().OrderBy(y => y).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CalendarEntry>> ListAsync(int year, CancellationToken cancellationToken = default) =>
        await Days.AsNoTracking().Where(d => d.Year == year).OrderBy(d => d.Date)
            .Select(d => new CalendarEntry(d.Id, d.Date, d.Kind, d.Name, d.Note))
            .ToListAsync(cancellationToken);

    public async Task<CalendarEntry?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        await Days.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new CalendarEntry(d.Id, d.Date, d.Kind, d.Name, d.Note))
            .SingleOrDefaultAsync(cancellationToken);

    /// <exception cref="CalendarDayException">The day is not valid, or its date is already in the calendar.</exception>
    public async Task<CalendarEntry> AddAsync(CalendarDayInput input, CancellationToken cancellationToken = default)
    {
        var day = await CheckAsync(input, exceptId: null, cancellationToken);
        var row = new CalendarDay();
        Fill(row, day);
        Days.Add(row);
        await SaveAsync(day.Date, row.Id, cancellationToken);
        return Entry(row);
    }

    /// <returns>The saved day, or null when there is no day with that id (deleted meanwhile).</returns>
    /// <exception cref="CalendarDayException">The day is not valid, or its new date is another day's.</exception>
    public async Task<CalendarEntry?> UpdateAsync(int id, CalendarDayInput input, CancellationToken cancellationToken = default)
    {
        var day = await CheckAsync(input, exceptId: id, cancellationToken);
        var row = await Days.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        Fill(row, day);
        await SaveAsync(day.Date, id, cancellationToken);
        return Entry(row);
    }

    /// <returns>False when there was no day with that id.</returns>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var deleted = await Days.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            await _calendar.ChangedAsync(cancellationToken);
        }

        return deleted > 0;
    }

    private async Task<ParsedCalendarDay> CheckAsync(CalendarDayInput input, int? exceptId, CancellationToken cancellationToken)
    {
        var problems = CalendarDayRules.Read(input, out var day);
        if (day is null)
        {
            throw new CalendarDayException(problems);
        }

        if (await DateTakenAsync(day.Date, exceptId, cancellationToken))
        {
            throw new CalendarDayException([("Date", CalendarDayProblem.DateTaken)]);
        }

        return day;
    }

    private Task<bool> DateTakenAsync(DateOnly date, int? exceptId, CancellationToken cancellationToken) =>
        Days.AnyAsync(d => d.Date == date && (exceptId == null || d.Id != exceptId), cancellationToken);

    private async Task SaveAsync(DateOnly date, int id, CancellationToken cancellationToken)
    {
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else saved the same date between the check and the save (the unique index).
            _db.ChangeTracker.Clear();
            if (await DateTakenAsync(date, id == 0 ? null : id, cancellationToken))
            {
                throw new CalendarDayException([("Date", CalendarDayProblem.DateTaken)]);
            }

            throw;
        }

        await _calendar.ChangedAsync(cancellationToken);
    }

    private void Fill(CalendarDay row, ParsedCalendarDay day)
    {
        row.Date = day.Date;
        row.Year = day.Date.Year;
        row.Kind = day.Kind;
        row.Name = day.Name;
        row.Note = day.Note;
        row.UpdatedUtc = _clock.GetUtcNow().UtcDateTime;
    }

    private static CalendarEntry Entry(CalendarDay row) => new(row.Id, row.Date, row.Kind, row.Name, row.Note);
}
