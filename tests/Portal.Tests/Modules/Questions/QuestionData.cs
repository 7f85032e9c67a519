using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Persistence;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Questions.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Questions;

/// <summary>Questions arranged the way the application writes them: the <c>questions</c> recipe step, run on one site.</summary>
internal static class QuestionData
{
    private static int _codes;

    /// <summary>A fresh valid tracking code (the alphabet has no 0, 1, I, L, O, U, V).</summary>
    public static string Code()
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";
        var n = Interlocked.Increment(ref _codes) + (Environment.ProcessId % 1000 * 10_000);
        var chars = new char[10];
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = alphabet[n % alphabet.Length];
            n /= alphabet.Length;
        }

        return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
    }

    public static JsonObject Answered(string title, string field, string agency, string received, string answered, bool showName = false, string? sender = null, string answer = "<p>Trả lời theo quy định của pháp luật.</p>") => new()
    {
        ["code"] = Code(),
        ["receivedUtc"] = received,
        ["field"] = field,
        ["sender"] = new JsonObject { ["name"] = sender ?? "Người Hỏi Mẫu", ["email"] = "nguoi.hoi@example.vn" },
        ["showName"] = showName,
        ["title"] = title,
        ["question"] = "Nội dung câu hỏi: " + title,
        ["agency"] = agency,
        ["answeredUtc"] = answered,
        ["answer"] = answer,
        ["answerer"] = agency,
    };

    public static JsonObject Open(string title, string field, string agency, string received, string status = "assigned") => new()
    {
        ["code"] = Code(),
        ["receivedUtc"] = received,
        ["field"] = field,
        ["sender"] = new JsonObject { ["name"] = "Người Hỏi Mẫu", ["email"] = "nguoi.hoi@example.vn" },
        ["title"] = title,
        ["question"] = "Nội dung: " + title,
        ["agency"] = agency,
        ["status"] = status,
    };

    public static JsonObject Rejected(string title, string received) => new()
    {
        ["code"] = Code(),
        ["receivedUtc"] = received,
        ["field"] = "khac",
        ["sender"] = new JsonObject { ["name"] = "Khách", ["email"] = "khach@example.vn" },
        ["title"] = title,
        ["question"] = "Quảng cáo",
        ["status"] = "rejected",
        ["rejection"] = "spam",
    };

    public static async Task RunAsync(this PortalFactory factory, Tenant site, params JsonObject[] items)
    {
        var recipe = new JsonObject
        {
            ["name"] = "test-questions",
            ["steps"] = new JsonArray(new JsonObject { ["name"] = "questions", ["items"] = new JsonArray([.. items.Select(i => (JsonNode)i.DeepClone())]) }),
        };
        await factory.Service<TenantManager>().RunRecipeAsync(site.Name, RecipeParser.Parse(recipe.ToJsonString(), "test"));
    }

    public static async Task<T> ReadAsync<T>(this PortalFactory factory, Tenant site, Func<PortalDbContext, Task<T>> read)
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(site);
        return await read(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public static Task<List<PublishedQuestion>> PublishedAsync(this PortalFactory factory, Tenant site) =>
        factory.ReadAsync(site, db => db.Set<PublishedQuestion>().AsNoTracking().OrderBy(p => p.Id).ToListAsync());
}
