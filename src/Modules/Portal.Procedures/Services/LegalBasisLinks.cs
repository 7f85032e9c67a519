using Portal.Core.Contents;

namespace Portal.Procedures.Services;

/// <summary>
/// Legal basis numbers ("123/2015/NĐ-CP") as links to the site's legal documents, through whatever
/// module answers for <c>legal-document</c> (this module does not know it). Numbers no resolver
/// knows are shown as plain text.
/// </summary>
public sealed class LegalBasisLinks(IEnumerable<IContentReferenceResolver> resolvers)
{
    public const string LegalDocumentType = "legal-document";

    public async Task<IReadOnlyList<(string Number, ContentReference? Link)>> ResolveAsync(IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ContentReference>(StringComparer.Ordinal);
        if (numbers.Count > 0)
        {
            // More than one resolver may answer (a module and a test's own); the first answer per number wins.
            foreach (var resolver in resolvers.Where(r => r.Type == LegalDocumentType))
            {
                var missing = numbers.Where(n => !found.ContainsKey(n)).ToList();
                if (missing.Count == 0)
                {
                    break;
                }

                foreach (var (number, reference) in await resolver.ResolveAsync(missing, cancellationToken))
                {
                    found.TryAdd(number, reference);
                }
            }
        }

        return [.. numbers.Select(n => (n, found.GetValueOrDefault(n)))];
    }
}
