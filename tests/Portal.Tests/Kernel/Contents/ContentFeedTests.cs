using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel.Contents;

/// <summary>
/// The syndication feed and the API's ways of writing (issue #11): the cursor never skips or
/// repeats while others publish, tombstones follow take-downs, a review write never touches the
/// public version, and every type's export imports back unchanged — on both providers.
/// </summary>
public abstract class ContentFeedTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private static readonly ContentActor Client = new("api:feed-test", "API feed-test", "10.0.0.7");

    private PortalFactory Factory => fixture.Factory;

    private async Task<T> InSiteAsync<T>(Tenant site, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        return await work(scope.ServiceProvider);
    }

    private Task<UpsertResult> ImportAsync(Tenant site, string json, bool forReview = false) => InSiteAsync(site, async sp =>
    {
        var envelope = Envelope(json);
        var importer = (ContentImporter)sp.GetServices<IContentImporter>().Single(i => i.Type == envelope.Type);
        var upsert = await importer.PrepareAsync(envelope, sp, Client, CancellationToken.None);
        return await sp.GetRequiredService<ContentManager>().UpsertAsync(upsert with { ForReview = forReview });
    });

    private static ContentEnvelope Envelope(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        return new(node["type"]!.GetValue<string>(), node["id"]!.GetValue<string>(), "vi", node["published"]?.GetValue<bool>() ?? false, node["fields"]!.AsObject());
    }

    private static string News(string id, string title, bool published = true) =>
        $$"""{ "type": "news", "id": "{{id}}", "published": {{(published ? "true" : "false")}}, "fields": { "title": "{{title}}", "category": "thong-bao", "summary": "Tóm tắt {{title}}" } }""";

    private Task<ContentFeedPage> PageAsync(Tenant site, long after, bool incremental, int size = 50) =>
        InSiteAsync(site, sp => sp.GetRequiredService<ContentFeedReader>().PageAsync("news", null, after, incremental, size, CancellationToken.None));

    [Fact]
    public async Task Paging_while_others_publish_neither_skips_nor_repeats_and_a_pull_since_the_cursor_reports_take_downs()
    {
        var site = await Factory.ProvisionAsync("xa-feed-trang");
        foreach (var i in Enumerable.Range(1, 5))
        {
            await ImportAsync(site, News($"tin-feed-{i}", $"Tin số {i}"));
        }

        var seen = new List<string>();
        long cursor = 0;
        var published = 5;
        while (true)
        {
            var page = await PageAsync(site, cursor, incremental: false, size: 2);
            seen.AddRange(page.Entries.Select(e => e.Entry.ContentItemId));
            Assert.All(page.Entries, e => Assert.NotNull(e.Item));
            cursor = page.Cursor;
            if (published < 8)
            {
                // Another editor publishes while the client pages through.
                published++;
                await ImportAsync(site, News($"tin-feed-{published}", $"Tin số {published}"));
            }
            else if (!page.HasMore)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"tin-feed-{i}"), seen);

        await ImportAsync(site, News("tin-feed-2", "Tin số 2", published: false));
        await ImportAsync(site, News("tin-feed-3", "Tin số 3 (đính chính)"));
        var since = await PageAsync(site, cursor, incremental: true);
        var full = await PageAsync(site, 0, incremental: false);

        Assert.Equal(["tin-feed-2", "tin-feed-3"], since.Entries.Select(e => e.Entry.ContentItemId));
        Assert.True(since.Entries[0].Entry.Removed);
        Assert.Equal("Tin số 3 (đính chính)", since.Entries[1].Item!.Title);
        Assert.DoesNotContain("tin-feed-2", full.Entries.Select(e => e.Entry.ContentItemId));
        Assert.Equal(7, full.Entries.Count);
    }

    [Fact]
    public async Task The_feed_is_the_sites_own()
    {
        var mine = await Factory.ProvisionAsync("xa-feed-minh");
        var other = await Factory.ProvisionAsync("xa-feed-khac");
        await ImportAsync(mine, News("tin-feed-minh", "Tin của xã mình"));
        await ImportAsync(other, News("tin-feed-khac", "Tin của xã khác"));

        var page = await PageAsync(mine, 0, incremental: true);

        Assert.Equal(["tin-feed-minh"], page.Entries.Select(e => e.Entry.ContentItemId));
    }

    [Fact]
    public async Task A_write_for_review_lands_submitted_and_leaves_the_public_version_alone()
    {
        var site = await Factory.ProvisionAsync("xa-feed-duyet");
        await ImportAsync(site, News("tin-duyet", "Bản đang đăng"));

        var created = await ImportAsync(site, News("tin-duyet-moi", "Tin gửi qua API"), forReview: true);
        var changed = await ImportAsync(site, News("tin-duyet", "Bản sửa qua API"), forReview: true);
        var again = await ImportAsync(site, News("tin-duyet", "Bản sửa qua API"), forReview: true);
        var (fresh, latest, isPublic, newIsPublic, audit) = await InSiteAsync(site, async sp =>
        {
            var m = sp.GetRequiredService<ContentManager>();
            var latest = await m.LatestAsync("news", "tin-duyet");
            return (await m.LatestAsync("news", "tin-duyet-moi"), latest, await m.IsPublicAsync("news", "tin-duyet"), await m.IsPublicAsync("news", "tin-duyet-moi"), await m.AuditAsync(latest!));
        });
        var page = await PageAsync(site, 0, incremental: false);

        Assert.Equal((UpsertOutcome.Created, UpsertOutcome.Updated, UpsertOutcome.Unchanged), (created.Outcome, changed.Outcome, again.Outcome));
        Assert.Equal(ContentState.Submitted, fresh!.State);
        Assert.False(newIsPublic);
        Assert.Equal((ContentState.Submitted, "Bản sửa qua API"), (latest!.State, latest.Title));
        Assert.True(isPublic);
        Assert.Equal("Bản đang đăng", Assert.Single(page.Entries).Item!.Title);
        Assert.Contains(audit, a => a.Action == "Submitted" && a.UserId == Client.UserId);
    }

    public static TheoryData<string> EveryType => new()
    {
        """{ "type": "news", "id": "xuat-tin", "published": true, "fields": { "title": "Hội nghị tổng kết", "summary": "Tóm tắt", "body": "<p>Nội dung <strong>chính</strong></p>", "category": "chinh-tri", "tags": ["Chuyển đổi số"], "author": "Minh Anh", "source": "Cổng TTĐT", "publishedAt": "2026-11-20T02:00:00Z" } }""",
        """{ "type": "page", "id": "xuat-trang", "published": true, "fields": { "title": "Giới thiệu", "slug": "gioi-thieu-xuat", "body": "<p>Xã nằm ở phía bắc tỉnh.</p>" } }""",
        """{ "type": "legal-document", "id": "xuat-vb", "published": true, "fields": { "number": "1060/QĐ-UBND", "type": "Quyết định", "issuingAuthority": "UBND tỉnh", "field": "Giao thông vận tải", "signer": "Lê Thị Thu Hà", "issuedOn": "2019-01-14", "summary": "Kế hoạch bảo đảm trật tự an toàn giao thông", "kind": "direction" } }""",
        """{ "type": "procedure", "id": "xuat-tthc", "published": true, "fields": { "code": "1.004037", "name": "Đăng ký khai sinh", "field": "Hộ tịch", "level": "Commune", "agency": "Ủy ban nhân dân cấp xã", "steps": ["Nộp hồ sơ", "Nhận kết quả"], "channels": ["in-person", "online"], "documents": [{ "name": "Tờ khai", "copies": 1, "kind": "original" }], "processingTime": "Trong ngày", "fees": "Miễn phí", "onlineLevel": "full" } }""",
    };

    [Theory]
    [MemberData(nameof(EveryType))]
    public async Task What_the_api_sends_out_imports_back_unchanged(string json)
    {
        var envelope = Envelope(json);
        var site = await Factory.ProvisionAsync("xa-xuat-" + envelope.Type.Replace("-", ""));
        Assert.Equal(UpsertOutcome.Created, (await ImportAsync(site, json)).Outcome);

        var exported = await InSiteAsync(site, async sp =>
        {
            var item = await sp.GetRequiredService<ContentManager>().LatestAsync(envelope.Type, envelope.Id);
            return sp.GetServices<IContentImporter>().Single(i => i.Type == envelope.Type).Export(item!);
        });
        var again = new JsonObject { ["type"] = envelope.Type, ["id"] = envelope.Id, ["published"] = true, ["fields"] = exported.DeepClone() };
        var problems = new List<string>();
        await InSiteAsync(site, sp => { sp.GetServices<IContentImporter>().Single(i => i.Type == envelope.Type).Validate(Envelope(again.ToJsonString()), new RecipeProblems("lại", problems)); return Task.FromResult(0); });

        Assert.Empty(problems);
        Assert.Equal(UpsertOutcome.Unchanged, (await ImportAsync(site, again.ToJsonString())).Outcome);
        foreach (var (field, value) in envelope.Fields)
        {
            Assert.True(exported.ContainsKey(field), $"{envelope.Type}: '{field}' is not exported");
        }
    }
}

public sealed class ContentFeedTestsSqlite(SqliteFixture fixture) : ContentFeedTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class ContentFeedTestsPostgres(PostgresFixture fixture) : ContentFeedTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
