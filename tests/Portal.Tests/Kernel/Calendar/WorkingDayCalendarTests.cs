using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Calendar;
using Portal.Core.Persistence;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel.Calendar;

/// <summary>
/// The calendar on a real database, both providers: the province's setup seeds 2026 and 2027, an
/// edit through the admin service is what the next deadline uses, another process's edit is
/// noticed, and the recipe step is idempotent, keeps the administrators' years, and replaces a year only from the province.
/// </summary>
public abstract class WorkingDayCalendarTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private PortalFactory Factory => fixture.Factory;

    private IWorkingDayCalendar Calendar => Factory.Service<IWorkingDayCalendar>();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private async Task<T> AdminAsync<T>(Func<CalendarAdministration, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CalendarAdministration>());
    }

    private string WriteRecipe(string json)
    {
        var path = Path.Combine(Factory.Database.DataPath, Guid.NewGuid().ToString("N")[..8] + ".recipe.json");
        File.WriteAllText(path, json);
        return path;
    }

    private async Task<List<string>> YearAsync(int year) =>
        [.. (await AdminAsync(a => a.ListAsync(year))).Select(d => $"{d.Date:yyyy-MM-dd} {d.Kind} {d.Name} {d.Note}")];

    /// <summary>Waits for the calendar in memory to show what another process wrote (the refresher checks every second in tests).</summary>
    private async Task EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), "The calendar did not pick up the change within 10 s.");
    }

    [Fact]
    public async Task The_province_setup_seeds_2026_and_2027()
    {
        var years = await AdminAsync(a => a.YearsAsync());
        var year2026 = await AdminAsync(a => a.ListAsync(2026));

        Assert.Contains(2026, years);
        Assert.Contains(2027, years);
        Assert.Equal(12, year2026.Count);
        Assert.Equal(5, year2026.Count(d => d.Name == "Tết Nguyên đán"));
        Assert.True(Calendar.HasDataFor(2026));
        Assert.True(Calendar.HasDataFor(2027));
        Assert.False(Calendar.IsWorkingDay(D(2026, 2, 16)));
        Assert.Equal(D(2026, 2, 27), Calendar.AddWorkingDays(D(2026, 2, 13), 5));
        Assert.Equal(250, Calendar.WorkingDaysBetween(D(2025, 12, 31), D(2026, 12, 31)));
        Assert.Contains("Portal.Calendar", Factory.Service<TenantCatalog>().Default!.Features);
    }

    [Fact]
    public async Task An_edit_through_the_service_is_what_the_next_deadline_uses()
    {
        // 2030 has no data: a Saturday is off and the year counts weekends only.
        Assert.False(Calendar.IsWorkingDay(D(2030, 1, 5)));
        Assert.True(Calendar.Deadline(new DateTime(2030, 1, 1, 3, 0, 0, DateTimeKind.Utc), 3).IsProvisional);

        var added = await AdminAsync(a => a.AddAsync(new CalendarDayInput("2030-01-05", "compensating-working-day", "Làm bù cho ngày 02/01")));
        var inLieu = await AdminAsync(a => a.AddAsync(new CalendarDayInput("02/01/2030", "day-off-in-lieu", "Nghỉ hoán đổi")));
        var withBoth = Calendar.Deadline(new DateTime(2030, 1, 1, 3, 0, 0, DateTimeKind.Utc), 3);
        var duplicate = await Assert.ThrowsAsync<CalendarDayException>(() => AdminAsync(a => a.AddAsync(new CalendarDayInput("2030-01-05", "holiday", "Trùng"))));
        var renamed = await AdminAsync(a => a.UpdateAsync(added.Id, new CalendarDayInput("2030-01-05", "compensating-working-day", "Làm bù (đã sửa)")));

        Assert.True(Calendar.IsWorkingDay(D(2030, 1, 5)));
        Assert.False(Calendar.IsWorkingDay(D(2030, 1, 2)));
        Assert.Equal(D(2030, 1, 5), withBoth.Due);
        Assert.False(withBoth.IsProvisional);
        Assert.Equal(("Date", CalendarDayProblem.DateTaken), Assert.Single(duplicate.Problems));
        Assert.Equal("Làm bù (đã sửa)", renamed!.Name);

        Assert.True(await AdminAsync(a => a.DeleteAsync(added.Id)));
        Assert.True(await AdminAsync(a => a.DeleteAsync(inLieu.Id)));
        Assert.False(await AdminAsync(a => a.DeleteAsync(added.Id)));
        Assert.Null(await AdminAsync(a => a.UpdateAsync(added.Id, new CalendarDayInput("2030-01-05", "holiday", "Đã xóa"))));
        Assert.False(Calendar.IsWorkingDay(D(2030, 1, 5)));
        Assert.False(Calendar.HasDataFor(2030));
    }

    [Fact]
    public async Task A_bad_day_writes_nothing()
    {
        var before = await AdminAsync(a => a.YearsAsync());

        var error = await Assert.ThrowsAsync<CalendarDayException>(() => AdminAsync(a => a.AddAsync(new CalendarDayInput("2034-03-01", "compensating-working-day", ""))));

        Assert.Contains(error.Problems, p => p == ("Name", CalendarDayProblem.NameMissing));
        Assert.Equal(before, await AdminAsync(a => a.YearsAsync()));
    }

    [Fact]
    public async Task A_row_written_by_another_process_is_noticed()
    {
        // As the CLI would: straight into the table, without this process's reload.
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Set<CalendarDay>().Add(new CalendarDay { Date = D(2031, 1, 4), Year = 2031, Kind = CalendarDayKind.CompensatingWorkingDay, Name = "Làm bù", UpdatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await EventuallyAsync(() => Calendar.IsWorkingDay(D(2031, 1, 4)));

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<CalendarDay>().Where(d => d.Year == 2031).ExecuteDeleteAsync();
        }

        await EventuallyAsync(() => !Calendar.HasDataFor(2031));
    }

    [Fact]
    public async Task The_step_is_idempotent_and_keeps_the_administrators_years_unless_told_to_replace()
    {
        var manager = Factory.Service<TenantManager>();
        var holidays = Factory.Service<RecipeCatalog>().Find("holidays");
        var replace2033 = Factory.Service<RecipeCatalog>().Find(WriteRecipe("""
            { "name": "lich-2033", "steps": [ { "name": "calendar", "replace": true, "days": [
              { "date": "2033-01-03", "kind": "day-off-in-lieu", "name": "Nghỉ bù Tết Dương lịch" },
              { "date": "2033-01-08", "kind": "compensating-working-day", "name": "Làm bù" } ] } ] }
            """));
        var seed2033 = Factory.Service<RecipeCatalog>().Find(WriteRecipe("""
            { "name": "lich-2033-khac", "steps": [ { "name": "calendar", "days": [
              { "date": "2033-01-10", "kind": "day-off-in-lieu", "name": "Khác" } ] } ] }
            """));
        var original2026 = await YearAsync(2026);

        await manager.RunRecipeAsync(Tenant.DefaultName, holidays);
        var rerun2026 = await YearAsync(2026);
        await manager.RunRecipeAsync(Tenant.DefaultName, replace2033);
        var once = await YearAsync(2033);
        await manager.RunRecipeAsync(Tenant.DefaultName, replace2033);
        var twice = await YearAsync(2033);
        await manager.RunRecipeAsync(Tenant.DefaultName, seed2033);
        var afterSeed = await YearAsync(2033);
        await EventuallyAsync(() => Calendar.IsWorkingDay(D(2033, 1, 8)));

        Assert.Equal(original2026, rerun2026);
        Assert.Equal(2, once.Count);
        Assert.Equal(once, twice);
        Assert.Equal(once, afterSeed); // 2033 has days: a seeding step leaves it alone

        var shrink = Factory.Service<RecipeCatalog>().Find(WriteRecipe("""
            { "name": "lich-2033-bot", "steps": [ { "name": "calendar", "replace": true, "days": [
              { "date": "2033-01-03", "kind": "holiday", "name": "Nghỉ Tết Dương lịch" } ] } ] }
            """));
        await manager.RunRecipeAsync(Tenant.DefaultName, shrink);
        var replaced = await YearAsync(2033);
        await EventuallyAsync(() => !Calendar.IsWorkingDay(D(2033, 1, 8)));

        Assert.Equal("2033-01-03 Holiday Nghỉ Tết Dương lịch ", Assert.Single(replaced));
    }

    [Fact]
    public async Task Only_the_province_replaces_a_year_another_site_only_seeds_what_is_missing()
    {
        var commune = await Factory.ProvisionAsync("xa-lich-nghi");
        var manager = Factory.Service<TenantManager>();
        var replace = Factory.Service<RecipeCatalog>().Find(WriteRecipe("""
            { "name": "lich-xa", "steps": [ { "name": "calendar", "replace": true, "days": [ { "date": "2035-09-03", "kind": "holiday", "name": "Quốc khánh" } ] } ] }
            """));
        var seed = Factory.Service<RecipeCatalog>().Find(WriteRecipe("""
            { "name": "lich-xa-gieo", "steps": [ { "name": "calendar", "days": [
              { "date": "2026-09-02", "kind": "holiday", "name": "Không ghi đè" },
              { "date": "2036-09-02", "kind": "holiday", "name": "Quốc khánh" } ] } ] }
            """));
        var before2026 = await YearAsync(2026);

        var error = await Assert.ThrowsAsync<RecipeException>(() => manager.RunRecipeAsync(commune.Name, replace));
        var afterRefusal = await YearAsync(2035);
        await manager.RunRecipeAsync(commune.Name, seed);
        await manager.RunRecipeAsync(commune.Name, Factory.Service<RecipeCatalog>().Find("holidays"));

        Assert.Contains("step 1 (calendar): 'replace' changes the whole installation's working-day calendar", error.Message);
        Assert.Empty(afterRefusal);
        Assert.Equal(before2026, await YearAsync(2026));
        Assert.Equal("2036-09-02 Holiday Quốc khánh ", Assert.Single(await YearAsync(2036)));
    }
}

public sealed class WorkingDayCalendarTestsSqlite(SqliteFixture fixture) : WorkingDayCalendarTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class WorkingDayCalendarTestsPostgres(PostgresFixture fixture) : WorkingDayCalendarTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
