using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Core.Migrations;

/// <summary>
/// The working-day calendar (<see cref="Calendar.CalendarDay"/>): one row per day that departs
/// from the week's rule, for the whole installation (no TenantId: the holidays are national).
/// The days themselves come from the province's setup recipe or its admin page, not from here.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261205002000_Core_CalendarDays")]
internal sealed class M20261205002000_CoreCalendarDays : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CalendarDays",
            columns: t => new
            {
                Id = t.IdentityKey(),
                Date = t.Column<DateOnly>(nullable: false),
                Year = t.Column<int>(nullable: false),
                Kind = t.Column<string>(maxLength: 30, nullable: false),
                Name = t.Column<string>(maxLength: 200, nullable: false),
                Note = t.Column<string>(maxLength: 500, nullable: true),
                UpdatedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_CalendarDays", x => x.Id));
        migrationBuilder.CreateIndex("IX_CalendarDays_Date", "CalendarDays", "Date", unique: true);
        migrationBuilder.CreateIndex("IX_CalendarDays_Year", "CalendarDays", "Year");
    }
}
