using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Contents;

namespace Portal.Core.Search;

/// <summary>
/// What one published item puts in the installation's search index: its title, its text as plain
/// words, the codes a citizen types as they are (a document number, a procedure code), and the date
/// a result shows and the date filter uses.
/// </summary>
/// <param name="Title">The result's heading.</param>
/// <param name="Body">Plain text (no markup): what is searched and what the snippet is cut from.</param>
public sealed record SearchDocument(string Title, string Body)
{
    /// <summary>Numbers and codes searched like the title (<c>2718/QĐ-UBND</c>, <c>2.000815</c>).</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>The date shown and filtered on; the item's first publication when null.</summary>
    public DateTime? DateUtc { get; init; }

    /// <summary>The public address (app-relative, <c>~/...</c>); the type's <see cref="ContentTypeDefinition.PublicPath"/> when null.</summary>
    public string? Path { get; init; }
}

/// <summary>
/// A content type's part in search, a few lines in its module (<c>services.AddSearchSource&lt;NewsSearch&gt;()</c>):
/// the kernel queues its items' changes in the content transaction and the index asks this for the
/// published version's document. Must be a pure function of the item (every node builds the same
/// document from the same row, at any time).
/// </summary>
public interface ISearchSource
{
    string ContentType { get; }

    /// <summary>The document for a published version, or null to keep it out of search (an answer its sender did not let be listed).</summary>
    SearchDocument? Describe(ContentItem published);
}

public static class SearchSourceRegistration
{
    public static IServiceCollection AddSearchSource<TSource>(this IServiceCollection services)
        where TSource : class, ISearchSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISearchSource, TSource>());
        return services;
    }
}
