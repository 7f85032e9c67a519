using Portal.Core.Contents;
using Portal.Core.Search;

namespace Portal.Procedures.Services;

/// <summary>A procedure in search: found by its code (2.000815), its field, agency, applicants, steps and result.</summary>
internal sealed class ProcedureSearch : ISearchSource
{
    public string ContentType => ProcedureJson.ContentType;

    public SearchDocument? Describe(ContentItem published)
    {
        var fields = ProcedureJson.Read(published.Data);
        // "Thủ tục hành chính" is how citizens ask for one ("thủ tục 2.000815", "thủ tục khai sinh").
        var body = string.Join('\n', new[] { "Thủ tục hành chính", fields.Field, fields.Agency, fields.Applicants, string.Join('\n', fields.Steps), fields.Result, string.Join('\n', fields.Documents.Select(d => d.Name)) }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new SearchDocument(published.Title, body) { Keys = [fields.Code] };
    }
}
