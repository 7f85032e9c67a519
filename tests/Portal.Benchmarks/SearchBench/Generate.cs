using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.LegalDocuments.Models;
using Portal.News.Models;
using Portal.Procedures.Models;

namespace SearchBench;

/// <summary>The data: the province, districts and communes below it, and the published items.</summary>
internal static class Generate
{
    /// <summary>
    /// Districts and communes through <see cref="TenantManager.ProvisionAsync"/> (the recipes, as an
    /// operator would) for as long as the budget lasts; the rest as copies of the last provisioned
    /// commune's row (features, theme, settings), inserted directly, then one catalog reload.
    /// </summary>
    public static async Task SitesAsync(IServiceProvider services, int districts, int communes, double budgetSeconds, Action<string, string> report)
    {
        var manager = services.GetRequiredService<TenantManager>();
        var catalog = services.GetRequiredService<TenantCatalog>();
        var watch = Stopwatch.StartNew();
        var provisioned = 0;
        var districtNames = new List<string>();
        for (var d = 1; d <= districts; d++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"huyen-{d:00}");
            await manager.ProvisionAsync(new TenantRequest { Name = name, DisplayName = "Huyện " + Corpus.Places[(d - 1) % Corpus.Places.Length], Level = "District", Parent = Tenant.DefaultName, Prefix = name });
            districtNames.Add(name);
            provisioned++;
        }

        var perDistrict = (communes + districts - 1) / districts;
        var cloned = new List<(string Name, string District, int Index)>();
        for (var c = 1; c <= communes; c++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"xa-{c:0000}");
            var district = districtNames[Math.Min(districts - 1, (c - 1) / perDistrict)];
            if (watch.Elapsed.TotalSeconds < budgetSeconds || c == 1)
            {
                await manager.ProvisionAsync(new TenantRequest { Name = name, DisplayName = DisplayName(c), Level = "Commune", Parent = district, Prefix = name });
                provisioned++;
            }
            else
            {
                cloned.Add((name, district, c));
            }
        }

        report("provisioned_sites", provisioned.ToString(CultureInfo.InvariantCulture));
        report("provision_ms_per_site", (watch.Elapsed.TotalMilliseconds / provisioned).ToString("0.0", CultureInfo.InvariantCulture));
        if (cloned.Count > 0)
        {
            var template = catalog.All.Last(t => t.Level == TenantLevel.Commune);
            var now = DateTime.UtcNow;
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            foreach (var (name, district, index) in cloned)
            {
                db.Add(new Tenant
                {
                    Name = name,
                    DisplayName = DisplayName(index),
                    Level = TenantLevel.Commune,
                    ParentId = catalog.FindByName(district)!.Id,
                    Prefix = name,
                    DefaultCulture = template.DefaultCulture,
                    Cultures = [.. template.Cultures],
                    Theme = template.Theme,
                    Features = [.. template.Features],
                    State = TenantState.Running,
                    Settings = template.Settings.Replace(template.DisplayName, DisplayName(index), StringComparison.Ordinal),
                    CreatedUtc = now,
                    UpdatedUtc = now,
                });
            }

            await db.SaveChangesAsync();
            await catalog.ReloadAsync();
        }

        report("cloned_sites", cloned.Count.ToString(CultureInfo.InvariantCulture));
        report("sites_seconds", watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
    }

    private static string DisplayName(int c) => $"Xã {Corpus.Places[c % Corpus.Places.Length]} {c}";

    /// <summary>
    /// The items, straight into ContentItems (one published version each, as the lifecycle leaves a
    /// published item), in each site's own scope: the province 5%, each district 0.5%, the communes
    /// the rest; half news, a quarter legal documents, a quarter procedures.
    /// </summary>
    public static async Task ContentAsync(IServiceProvider services, int total, Action<string, string> report)
    {
        var catalog = services.GetRequiredService<TenantCatalog>();
        var scopes = services.GetRequiredService<TenantScopeFactory>();
        var province = catalog.Default!;
        var below = catalog.Descendants(province).ToList();
        var districts = below.Where(t => t.Level == TenantLevel.District).ToList();
        var communes = below.Where(t => t.Level == TenantLevel.Commune).ToList();
        var plan = new List<(Tenant Site, int Count)> { (province, total / 20) };
        plan.AddRange(districts.Select(d => (d, total / 200)));
        var rest = total - plan.Sum(p => p.Count);
        plan.AddRange(communes.Select((c, i) => (c, rest / communes.Count + (i < rest % communes.Count ? 1 : 0))));

        var watch = Stopwatch.StartNew();
        var corpus = new Corpus(13);
        var number = 0;
        long words = 0;
        var start = new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var (site, count) in plan)
        {
            var place = site.DisplayName;
            var unit = site.Level switch { TenantLevel.Province => "Ủy ban nhân dân tỉnh", TenantLevel.District => "Ủy ban nhân dân " + site.DisplayName, _ => "Ủy ban nhân dân " + site.DisplayName };
            var categories = site.Level == TenantLevel.Province ? new[] { "tin-trong-tinh", "chinh-tri", "kinh-te", "van-hoa-xa-hoi", "thong-bao" } : ["tin-hoat-dong", "thong-bao"];
            var items = new List<ContentItem>(count);
            for (var i = 0; i < count; i++)
            {
                number++;
                var when = start.AddMinutes(corpus.Next(7 * 365 * 24 * 60));
                var kind = number % 4;
                ContentItem item;
                if (kind is 0 or 1)
                {
                    var title = corpus.NewsTitle(corpus.Pick(Corpus.Places));
                    var paragraphs = corpus.Paragraphs(150 + corpus.Next(251));
                    var fields = new NewsArticleFields
                    {
                        Summary = corpus.Sentence(15, 30),
                        Body = string.Concat(paragraphs.Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>")),
                        Category = corpus.Pick(categories),
                        Tags = corpus.Next(2) == 0 ? [corpus.Pick(Corpus.Words)] : [],
                        Author = "Phóng viên " + place,
                        Source = "Cổng TTĐT " + place,
                    };
                    words += paragraphs.Sum(p => p.Count(c => c == ' ') + 1);
                    item = Item("news", $"tin-{number}", title, Corpus.Slug(title, number), fields.Category, ContentFields.Write(fields), when);
                }
                else if (kind == 2)
                {
                    var (type, docNumber, summary, field, signer) = corpus.LegalDocument(place);
                    var fields = new LegalDocumentFields
                    {
                        Number = docNumber,
                        DocumentType = type,
                        IssuingAuthority = unit,
                        Field = field,
                        Signer = signer,
                        SignerPosition = "Chủ tịch",
                        IssuedOn = DateOnly.FromDateTime(when),
                        EffectiveOn = DateOnly.FromDateTime(when.AddDays(10)),
                        Summary = summary,
                    };
                    words += summary.Count(c => c == ' ') + 1;
                    var title = $"{type} số {docNumber}: {summary}";
                    title = title.Length <= 500 ? title : title[..497] + "...";
                    item = Item("legal-document", $"vb-{number}", title, Corpus.Slug(docNumber + " " + summary, number), field, ContentFields.Write(fields), when);
                }
                else
                {
                    var (name, field, code) = Corpus.Procedures[corpus.Next(Corpus.Procedures.Length)];
                    var steps = Enumerable.Range(0, 3 + corpus.Next(4)).Select(s => $"Bước {s + 1}: {corpus.Sentence(15, 35)}").ToList();
                    var fields = new ProcedureFields
                    {
                        Code = code,
                        Field = field,
                        Level = site.Level == TenantLevel.Province ? ProcedureLevel.Province : site.Level == TenantLevel.District ? ProcedureLevel.District : ProcedureLevel.Commune,
                        Agency = unit,
                        Steps = steps,
                        Documents = [.. Enumerable.Range(0, 2 + corpus.Next(4)).Select(_ => new RequiredDocument(corpus.Sentence(5, 12)))],
                        ProcessingTime = $"{1 + corpus.Next(15):00} ngày làm việc",
                        Fees = corpus.Next(2) == 0 ? "Miễn phí" : $"{(1 + corpus.Next(10)) * 10000} đồng",
                        Applicants = corpus.Sentence(10, 25),
                        Result = corpus.Sentence(8, 20),
                    };
                    words += string.Join(' ', steps).Count(c => c == ' ') + 40;
                    item = Item("procedure", $"tt-{number}", name, Corpus.Slug(code + " " + name, number), field, ContentFields.Write(fields), when);
                }

                items.Add(item);
            }

            await using var scope = scopes.CreateScope(site);
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.AddRange(items);
            await db.SaveChangesAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.ExecuteSqlRawAsync("ANALYZE;");
        }

        report("generated_items", number.ToString(CultureInfo.InvariantCulture));
        report("generated_avg_body_words", (words / (double)number).ToString("0", CultureInfo.InvariantCulture));
        report("generate_seconds", watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
    }

    private static ContentItem Item(string type, string id, string title, string slug, string category, string data, DateTime when) => new()
    {
        ContentItemId = id,
        ContentType = type,
        Version = 1,
        Latest = true,
        Published = true,
        State = ContentState.Published,
        Culture = "vi",
        LocalizationSet = id,
        Title = title,
        Slug = slug,
        Category = category,
        AuthorId = "system",
        AuthorName = "Hệ thống",
        ModifiedById = "system",
        ModifiedByName = "Hệ thống",
        CreatedUtc = when,
        ModifiedUtc = when,
        PublishedUtc = when,
        Data = data,
    };
}
