namespace Portal.Core.Contents;

/// <summary>
/// Turns another type's business keys into links without knowing its module: a procedure's
/// legal basis lists document numbers ("42/2022/NĐ-CP"), and the legal-documents module, when the
/// site has it, answers with each document's title and public address.
/// </summary>
public interface IContentReferenceResolver
{
    /// <summary>The content type whose keys this resolver knows (e.g. <c>legal-document</c>).</summary>
    string Type { get; }

    /// <summary>The published items of the current site with these keys; unknown keys are left out.</summary>
    Task<IReadOnlyDictionary<string, ContentReference>> ResolveAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}

/// <param name="Title">What the link says.</param>
/// <param name="Path">App-relative public address (e.g. <c>~/van-ban/42-2022-nd-cp</c>).</param>
public sealed record ContentReference(string Title, string Path);
