using Portal.Core;
using Portal.Core.Contents;

namespace Portal.Tests.Kernel.Contents;

/// <summary>The operations table and the permission templates, without a host: every state against every grant.</summary>
[Trait("Category", "Fast")]
public sealed class ContentWorkflowTests
{
    private static readonly ContentGrants Reporter = new("u-reporter", EditOwn: true, EditAny: false, Approve: false, Publish: false);
    private static readonly ContentGrants Editor = new("u-editor", EditOwn: true, EditAny: true, Approve: false, Publish: false);
    private static readonly ContentGrants Head = new("u-head", EditOwn: true, EditAny: true, Approve: true, Publish: true);

    private static ContentItem Item(ContentState state, string author = "u-reporter", bool everPublished = false) => new()
    {
        ContentItemId = "x",
        ContentType = "news",
        State = state,
        AuthorId = author,
        PublishedUtc = everPublished ? new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) : null,
    };

    [Fact]
    public void A_reporter_writes_and_submits_their_own_draft_and_nothing_else()
    {
        Assert.Equal(
            new HashSet<ContentOperation> { ContentOperation.Save, ContentOperation.Submit, ContentOperation.Delete },
            ContentWorkflow.Allowed(Item(ContentState.Draft), Reporter));
        Assert.Empty(ContentWorkflow.Allowed(Item(ContentState.Draft, author: "someone-else"), Reporter));
        Assert.Equal(ContentCheck.NotPermitted, ContentWorkflow.Check(Item(ContentState.Draft, author: "someone-else"), Reporter, ContentOperation.Save));
    }

    [Fact]
    public void A_reporter_may_not_delete_a_draft_that_was_once_published()
    {
        Assert.Equal(ContentCheck.NotPermitted, ContentWorkflow.Check(Item(ContentState.Draft, everPublished: true), Reporter, ContentOperation.Delete));
        Assert.Equal(ContentCheck.NotPermitted, ContentWorkflow.Check(Item(ContentState.Submitted), Reporter, ContentOperation.Delete));
    }

    [Fact]
    public void An_editor_edits_anyones_work_and_sends_it_back_but_neither_approves_nor_publishes()
    {
        var submitted = Item(ContentState.Submitted, author: "someone-else");
        Assert.Equal(ContentCheck.Allowed, ContentWorkflow.Check(submitted, Editor, ContentOperation.Save));
        Assert.Equal(ContentCheck.Allowed, ContentWorkflow.Check(submitted, Editor, ContentOperation.Return));
        Assert.Equal(ContentCheck.NotPermitted, ContentWorkflow.Check(submitted, Editor, ContentOperation.Approve));
        Assert.Equal(ContentCheck.NotPermitted, ContentWorkflow.Check(submitted, Editor, ContentOperation.ForcePublish));
        Assert.Equal(ContentCheck.NotPermitted, ContentWorkflow.Check(submitted, Editor, ContentOperation.Restore));
    }

    [Theory]
    [InlineData(ContentState.Draft, ContentOperation.Submit, true)]
    [InlineData(ContentState.Submitted, ContentOperation.Submit, false)]
    [InlineData(ContentState.Submitted, ContentOperation.Approve, true)]
    [InlineData(ContentState.Draft, ContentOperation.Approve, false)]
    [InlineData(ContentState.Approved, ContentOperation.Publish, true)]
    [InlineData(ContentState.Unpublished, ContentOperation.Publish, true)]
    [InlineData(ContentState.Draft, ContentOperation.Publish, false)]
    [InlineData(ContentState.Submitted, ContentOperation.Publish, false)]
    [InlineData(ContentState.Approved, ContentOperation.Schedule, true)]
    [InlineData(ContentState.Draft, ContentOperation.Schedule, false)]
    [InlineData(ContentState.Draft, ContentOperation.ForcePublish, true)]
    [InlineData(ContentState.Published, ContentOperation.ForcePublish, false)]
    [InlineData(ContentState.Archived, ContentOperation.ForcePublish, false)]
    [InlineData(ContentState.Published, ContentOperation.Unpublish, true)]
    [InlineData(ContentState.Scheduled, ContentOperation.Unpublish, true)]
    [InlineData(ContentState.Draft, ContentOperation.Unpublish, false)]
    [InlineData(ContentState.Published, ContentOperation.Archive, true)]
    [InlineData(ContentState.Submitted, ContentOperation.Archive, false)]
    [InlineData(ContentState.Archived, ContentOperation.Restore, true)]
    [InlineData(ContentState.Archived, ContentOperation.Delete, true)]
    [InlineData(ContentState.Approved, ContentOperation.Return, true)]
    [InlineData(ContentState.Published, ContentOperation.Return, false)]
    public void The_board_head_may_do_a_step_exactly_from_the_states_the_table_lists(ContentState state, ContentOperation operation, bool allowed) =>
        Assert.Equal(allowed ? ContentCheck.Allowed : ContentCheck.WrongState, ContentWorkflow.Check(Item(state), Head, operation));

    [Fact]
    public void A_draft_over_a_public_version_can_still_be_taken_down()
    {
        Assert.Equal(ContentCheck.WrongState, ContentWorkflow.Check(Item(ContentState.Draft), Head, ContentOperation.Unpublish));
        Assert.Equal(ContentCheck.Allowed, ContentWorkflow.Check(Item(ContentState.Draft), Head, ContentOperation.Unpublish, hasPublicVersion: true));
        Assert.Equal(ContentCheck.WrongState, ContentWorkflow.Check(Item(ContentState.Archived), Head, ContentOperation.Unpublish, hasPublicVersion: true));
    }

    [Fact]
    public void Nobody_acts_on_a_deleted_item_and_a_person_without_grants_on_nothing()
    {
        var deleted = Item(ContentState.Draft);
        deleted.Deleted = true;
        Assert.Empty(ContentWorkflow.Allowed(deleted, Head));
        Assert.Empty(ContentWorkflow.Allowed(Item(ContentState.Draft), ContentGrants.None));
    }

    [Fact]
    public void Every_operation_has_exactly_one_rule_and_a_name_that_parses_back()
    {
        foreach (var operation in Enum.GetValues<ContentOperation>())
        {
            Assert.Single(ContentWorkflow.Table, r => r.Operation == operation);
            Assert.True(ContentOperations.TryParse(operation.Name(), out var parsed));
            Assert.Equal(operation, parsed);
        }
    }

    [Fact]
    public void A_new_type_derives_its_four_permissions_from_the_templates()
    {
        var (names, declared) = ContentTypePermissions.Derive("Question", "câu hỏi");

        Assert.Equal(new ContentTypePermissions("EditOwnQuestion", "EditAnyQuestion", "ApproveQuestion", "PublishQuestion"), names);
        Assert.Equal(["EditOwnQuestion", "EditAnyQuestion", "ApproveQuestion", "PublishQuestion"], declared.Select(p => p.Name));
        Assert.Contains("Reporter", declared[0].DefaultRoles);
        Assert.DoesNotContain("Reporter", declared[3].DefaultRoles);
    }

    [Fact]
    public void One_permission_may_grant_several_templates()
    {
        var documents = new ContentTypePermissions("ManageLegalDocuments", "ManageLegalDocuments", "PublishLegalDocuments", "PublishLegalDocuments");
        Assert.Equal(["ManageLegalDocuments", "PublishLegalDocuments"], documents.All);
    }

    [Theory]
    [InlineData("submit", null, null)]
    [InlineData("publish", "2026-12-01T09:00", null)]
    [InlineData("publish", "0001-01-01T00:00", "Thời điểm hẹn giờ phải trong khoảng năm 2000–2100.")]
    [InlineData("publish", "9999-12-31T23:59", "Thời điểm hẹn giờ phải trong khoảng năm 2000–2100.")]
    [InlineData("save", null, "Thao tác không hợp lệ.")]
    [InlineData("explode", null, "Thao tác không hợp lệ.")]
    public void The_workflow_form_is_read_once_for_every_desk(string operation, string? at, string? problem)
    {
        var command = ContentCommand.FromForm(operation, at is null ? null : DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture), null, out var found);
        Assert.Equal(problem, found);
        Assert.Equal(problem is null, command is not null);
        if (at is not null && command is not null)
        {
            Assert.Equal(DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture).AddHours(-7), command.AtUtc);
        }
    }
}

[Trait("Category", "Fast")]
public sealed class VietnamTimeTests
{
    [Fact]
    public void Conversions_are_seven_hours_and_refuse_the_ends_of_the_calendar()
    {
        Assert.Equal(new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc), VietnamTime.ToUtc(new DateTime(2026, 12, 1, 9, 0, 0)));
        Assert.Null(VietnamTime.ToUtc(DateTime.MinValue));
        Assert.Null(VietnamTime.ToUtc(DateTime.MaxValue));
        Assert.Equal(DateTime.MaxValue, VietnamTime.FromUtc(DateTime.MaxValue));
        Assert.Null(VietnamTime.StartOfDayUtc(new DateTime(1, 1, 1)));
        Assert.Equal("01/12/2026 09:00", VietnamTime.Format(new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData(2026, 11, 30, 16, 59, "30/11/2026 23:59", "30/11/2026")]
    [InlineData(2026, 11, 30, 17, 0, "01/12/2026 00:00", "01/12/2026")]
    [InlineData(2026, 12, 31, 17, 30, "01/01/2027 00:30", "01/01/2027")]
    public void Views_show_the_vietnamese_wall_clock_and_date_across_midnight(int y, int m, int d, int h, int min, string time, string date)
    {
        var utc = new DateTime(y, m, d, h, min, 0, DateTimeKind.Utc);
        Assert.Equal(time, VietnamTime.Format(utc));
        Assert.Equal(date, VietnamTime.FormatDate(utc));
        Assert.Equal(utc.AddHours(7).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), VietnamTime.Format(utc));
    }

    [Fact]
    public void A_vietnamese_month_starts_seven_hours_before_utc_midnight()
    {
        Assert.Equal(new DateTime(2026, 10, 31, 17, 0, 0, DateTimeKind.Utc), VietnamTime.StartOfDayUtc(new DateTime(2026, 11, 1)));
        Assert.Null(VietnamTime.StartOfDayUtc(new DateTime(9999, 12, 1)));
    }

    [Fact]
    public void Today_is_vietnams_date_with_a_fake_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 30, 18, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 12, 1), VietnamTime.Today(clock));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

[Trait("Category", "Fast")]
public sealed class ContentValuesTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("TRUE", true)]
    [InlineData(" có ", true)]
    [InlineData("0", false)]
    [InlineData("Không", false)]
    [InlineData("maybe", null)]
    public void Booleans_are_read_one_way_for_every_import(string text, bool? value) => Assert.Equal(value, ContentValues.Boolean(text, empty: true));

    [Theory]
    [InlineData("2026-03-01", 2026, 3, 1)]
    [InlineData("01/03/2026", 2026, 3, 1)]
    [InlineData("1/3/2026", 2026, 3, 1)]
    public void Dates_are_read_as_editors_write_them(string text, int y, int m, int d) => Assert.Equal(new DateOnly(y, m, d), ContentValues.Date(text));

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("2026-02-30")]
    [InlineData("hôm qua")]
    public void Impossible_dates_are_not_dates(string text) => Assert.Null(ContentValues.Date(text));
}
