using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Modules;
using Portal.Core.Persistence;

namespace Portal.Tests.Architecture;

/// <summary>
/// Hard module boundaries, checked by reflection over the assemblies the host loads
/// (NetArchTest does not restore here; this does the same job).
/// </summary>
public sealed partial class ModuleBoundaryTests
{
    private static readonly ModuleCatalog Catalog = ModuleCatalog.FromApplicationDirectory();

    [Fact]
    public void The_host_loads_every_module_and_theme()
    {
        Assert.Contains(Catalog.Features, f => f.Id == "Portal.Users");
        Assert.Contains(Catalog.Features, f => f.Id == "Portal.Pages");
        Assert.Contains(Catalog.Features, f => f.Id == "Portal.Media");
        Assert.Contains(Catalog.Themes, t => t.Name == "Gov" && !t.IsAdmin);
        Assert.Contains(Catalog.Themes, t => t.Name == "Admin" && t.IsAdmin);
    }

    [Fact]
    public void A_module_references_the_kernel_and_other_modules_abstractions_only()
    {
        var violations = Catalog.ModuleAssemblies.Concat(Catalog.ThemeAssemblies)
            .SelectMany(a => a.GetReferencedAssemblies().Select(r => (From: a.GetName().Name, To: r.Name!)))
            .Where(r => r.To.StartsWith("Portal.", StringComparison.Ordinal)
                && r.To != "Portal.Core"
                && !r.To.EndsWith(".Abstractions", StringComparison.Ordinal))
            .Select(r => $"{r.From} → {r.To}")
            .ToList();

        Assert.True(violations.Count == 0, "Modules must talk through Abstractions: " + string.Join(", ", violations));
    }

    [Fact]
    public void The_kernel_knows_no_module()
    {
        var references = typeof(ModuleStartup).Assembly.GetReferencedAssemblies().Select(r => r.Name!);

        Assert.DoesNotContain(references, r => r.StartsWith("Portal.", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_module_has_a_feature_and_exactly_one_startup()
    {
        foreach (var assembly in Catalog.ModuleAssemblies)
        {
            Assert.NotEmpty(assembly.GetCustomAttributes<FeatureAttribute>());
            Assert.Single(assembly.GetTypes(), t => t.IsSubclassOf(typeof(ModuleStartup)));
        }
    }

    [Fact]
    public void Themes_hold_views_and_assets_only()
    {
        foreach (var assembly in Catalog.ThemeAssemblies)
        {
            var code = assembly.GetTypes()
                .Where(t => t.Namespace != "AspNetCoreGeneratedDocument" && !t.Name.StartsWith('<') && t.Name != "Microsoft.CodeAnalysis.EmbeddedAttribute")
                .Where(t => typeof(ControllerBase).IsAssignableFrom(t) || t.IsSubclassOf(typeof(ModuleStartup)) || (t.IsClass && t.IsPublic))
                .Select(t => t.FullName)
                .ToList();

            Assert.True(code.Count == 0, $"{assembly.GetName().Name} contains code: {string.Join(", ", code)}");
        }
    }

    [Fact]
    public void Tenant_owned_entities_of_a_module_are_internal_to_it_or_needed_by_its_controllers()
    {
        // Another module may not use these types at all (the reference test above), so a public
        // entity is only tolerated where MVC requires it; this lists them so the choice is visible.
        var publicEntities = Catalog.ModuleAssemblies.SelectMany(a => a.GetTypes())
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t) && t.IsPublic)
            .Select(t => t.FullName)
            .ToList();

        Assert.Equal(["Portal.Dialogues.Models.Dialogue", "Portal.Dialogues.Models.DialogueHistoryEntry", "Portal.Dialogues.Models.DialogueQuestion", "Portal.Dialogues.Models.PublishedDialogue", "Portal.LegalDocuments.Models.PublishedLegalDocument", "Portal.News.Models.ArticleComment", "Portal.News.Models.NewsCategory", "Portal.News.Models.PublishedArticle", "Portal.News.Models.RoyaltyEntry", "Portal.News.Models.RoyaltyRate", "Portal.Pages.Models.PublishedPage", "Portal.Questions.Models.PublishedQuestion", "Portal.Questions.Models.QuestionAttachment", "Portal.Questions.Models.QuestionCase", "Portal.Questions.Models.QuestionStep", "Portal.Search.Models.SearchBestBet", "Portal.Search.Models.SearchMiss", "Portal.Search.Models.SearchSynonymGroup"], publicEntities.Order());
    }

    [Fact]
    public void Only_classes_marked_CrossTenant_may_ignore_the_tenant_filter()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(SourceRoot(), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            if (IgnoreFilters().IsMatch(text) && !text.Contains("[CrossTenant(", StringComparison.Ordinal))
            {
                offenders.Add(Path.GetRelativePath(SourceRoot(), file));
            }
        }

        Assert.True(offenders.Count == 0, "IgnoreQueryFilters outside a [CrossTenant] service: " + string.Join(", ", offenders));
    }

    /// <summary>
    /// The content tables are the kernel's: a module changes an item only through ContentManager
    /// (its workflow, its events, its audit), never by writing rows, updating or deleting them in
    /// bulk, or raw SQL. Reading them is allowed; a module's data migrations (Migrations/) may move
    /// rows in once.
    /// </summary>
    [Fact]
    public void Modules_never_write_the_kernels_content_tables()
    {
        var offenders = new List<string>();
        var modules = Path.Combine(SourceRoot(), "Modules");
        foreach (var file in Directory.EnumerateFiles(modules, "*.cs", SearchOption.AllDirectories))
        {
            var separator = Path.DirectorySeparatorChar;
            if (file.Contains($"{separator}obj{separator}", StringComparison.Ordinal) || file.Contains($"{separator}Migrations{separator}", StringComparison.Ordinal))
            {
                continue;
            }

            if (ContentTableWrite().Match(File.ReadAllText(file)) is { Success: true } write)
            {
                offenders.Add($"{Path.GetRelativePath(modules, file)}: {write.Value.Trim()}");
            }
        }

        Assert.True(offenders.Count == 0, "Modules writing the content tables instead of calling ContentManager: " + string.Join("; ", offenders));
    }

    [Fact]
    public void The_content_table_scan_finds_each_kind_of_write()
    {
        string[] writes =
        [
            "db.Set<ContentItem>().Where(c => c.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(c => c.Title, \"x\"));",
            "await db.Set<ContentAuditEntry>().ExecuteDeleteAsync();",
            "db.Add(new ContentItem { ContentItemId = \"x\" });",
            "db.Set<ContentItem>().Remove(item);",
            "await db.Database.ExecuteSqlAsync($\"UPDATE \\\"ContentItems\\\" SET \\\"Title\\\" = ''\");",
        ];
        Assert.All(writes, w => Assert.Matches(ContentTableWrite(), w));
        Assert.DoesNotMatch(ContentTableWrite(), "db.Set<ContentItem>().AsNoTracking().Where(c => c.Published).Select(c => c.Data)");
    }

    private static string SourceRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.Orchard.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("Portal.Orchard.sln not found above the test folder."), "src");
    }

    [GeneratedRegex(@"Set<Content(?:Item|AuditEntry)>\(\)[^;]*?\.(?:ExecuteUpdate|ExecuteDelete|Add|AddRange|Remove|RemoveRange|Update)\w*\(|new\s+Content(?:Item|AuditEntry)\s*[({]|(?:UPDATE|INSERT\s+INTO|DELETE\s+FROM)\s+\\?""?Content(?:Items|Audit)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContentTableWrite();

    [GeneratedRegex(@"\.IgnoreQueryFilters\s*\(")]
    private static partial Regex IgnoreFilters();
}
