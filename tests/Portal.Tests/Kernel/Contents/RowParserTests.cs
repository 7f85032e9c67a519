using System.Text.Json.Nodes;
using Portal.Core.Contents;
using Portal.Core.Recipes;
using Portal.LegalDocuments.Services;
using Portal.News.Services;
using Portal.Procedures.Services;

namespace Portal.Tests.Kernel.Contents;

/// <summary>Each type's row parser, without a host: what the recipes, uploads and the API accept and refuse, and which rows are the same item.</summary>
[Trait("Category", "Fast")]
public sealed class RowParserTests
{
    private static JsonObject Fields(string json) => JsonNode.Parse(json)!.AsObject();

    private static List<string> Problems(ContentImporter importer, string fields, string id = "ma-1")
    {
        var found = new List<string>();
        importer.Validate(new ContentEnvelope(importer.Type, id, "vi", true, Fields(fields)), new RecipeProblems("test", found));
        return found;
    }

    [Theory]
    [InlineData("""{ "title": "Tin hợp lệ", "publishedAt": "2026-03-01T08:00:00+07:00" }""", null)]
    [InlineData("""{ "title": "" }""", "'fields.title'")]
    [InlineData("""{ "summary": "không có tiêu đề" }""", "'fields.title'")]
    [InlineData("""{ "title": "Tin", "publishedAt": "hôm qua" }""", "'fields.publishedAt'")]
    [InlineData("""{ "title": "Tin", "publishedAt": "0001-01-01" }""", "'fields.publishedAt'")]
    [InlineData("""{ "title": "Tin", "tieuDe": "x" }""", "unknown field 'tieuDe'")]
    public void News_rows(string fields, string? problem)
    {
        var found = Problems(new NewsImporter(), fields);
        if (problem is null)
        {
            Assert.Empty(found);
        }
        else
        {
            Assert.Contains(found, p => p.Contains(problem, StringComparison.Ordinal));
        }
    }

    private const string Document = """{ "number": "12/2026/QĐ-UBND", "type": "Quyết định", "issuingAuthority": "UBND tỉnh", "issuedOn": "01/03/2026", "summary": "Về việc ..." }""";

    [Theory]
    [InlineData(Document, null)]
    [InlineData("""{ "number": "12/QĐ-UBND", "type": "Sắc lệnh", "issuingAuthority": "UBND tỉnh", "issuedOn": "2026-03-01", "summary": "x" }""", "'fields.type'")]
    [InlineData("""{ "number": "12/QĐ-UBND", "type": "Quyết định", "issuingAuthority": "UBND tỉnh", "issuedOn": "2026-02-30", "summary": "x" }""", "'fields.issuedOn'")]
    [InlineData("""{ "number": "12/QĐ-UBND", "type": "Quyết định", "issuingAuthority": "UBND tỉnh", "issuedOn": "1900-01-01", "summary": "x" }""", "'fields.issuedOn'")]
    [InlineData("""{ "number": "", "type": "Quyết định", "issuingAuthority": "UBND tỉnh", "issuedOn": "2026-03-01", "summary": "x" }""", "'fields.number'")]
    [InlineData("""{ "number": 12, "type": "Quyết định", "issuingAuthority": "UBND tỉnh", "issuedOn": "2026-03-01", "summary": "x" }""", "'fields.number'")]
    [InlineData("""{ "number": "12/QĐ-UBND", "type": "Quyết định", "issuingAuthority": "UBND tỉnh", "issuedOn": "2026-03-01", "summary": "x", "kind": "luat" }""", "'fields.kind'")]
    [InlineData("""{ "number": "12/QĐ-UBND", "type": "Quyết định", "issuingAuthority": "UBND tỉnh", "issuedOn": "2026-03-01", "summary": "x", "replaces": { "a": 1 } }""", "'fields.replaces'")]
    [InlineData("""{ "number": "12/QĐ-UBND", "type": "Quyết định", "issuingAuthority": "UBND tỉnh", "issuedOn": "2026-03-01", "summary": "x", "status": "còn hiệu lực" }""", null)]
    [InlineData("""{ "number": "12/QĐ-UBND", "type": "Quyết định", "issuingAuthority": "UBND tỉnh", "issuedOn": "2026-03-01", "summary": "x", "status": "bất tử" }""", "'fields.status'")]
    public void Legal_document_rows(string fields, string? problem)
    {
        var found = Problems(new LegalDocumentImporter(), fields);
        if (problem is null)
        {
            Assert.Empty(found);
        }
        else
        {
            Assert.Contains(found, p => p.Contains(problem, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Two_documents_are_the_same_row_by_number_and_authority_whatever_their_case_and_marks()
    {
        var importer = new LegalDocumentImporter();
        var a = importer.RowKey(Fields(Document));
        var b = importer.RowKey(Fields(Document.Replace("12/2026/QĐ-UBND", "12/2026/qđ-ubnd").Replace("UBND tỉnh", "ubnd TỈNH")));
        var other = importer.RowKey(Fields(Document.Replace("UBND tỉnh", "UBND xã")));

        Assert.Equal(a, b);
        Assert.NotEqual(a, other);
        Assert.Equal("12/2026/QĐ-UBND", importer.RowLabel(Fields(Document)));
    }

    private const string Procedure = """{ "code": "1.001234", "name": "Đăng ký khai sinh", "level": "Commune", "onlineLevel": "full" }""";

    [Theory]
    [InlineData(Procedure, null)]
    [InlineData("""{ "name": "Không mã" }""", "'fields.code'")]
    [InlineData("""{ "code": "mã sai!", "name": "x" }""", "'fields.code'")]
    [InlineData("""{ "code": "1.001234" }""", "'fields.name'")]
    [InlineData("""{ "code": "1.001234", "name": "x", "level": "Hamlet" }""", "'fields.level'")]
    [InlineData("""{ "code": "1.001234", "name": "x", "onlineLevel": "4" }""", "'fields.onlineLevel'")]
    [InlineData("""{ "code": "1.001234", "name": "x", "nationalPortalUrl": "javascript:alert(1)" }""", "'fields.nationalPortalUrl'")]
    [InlineData("""{ "code": "1.001234", "name": "x", "bogus": 1 }""", "bogus")]
    public void Procedure_rows(string fields, string? problem)
    {
        var found = Problems(new ProcedureImporter(), fields);
        if (problem is null)
        {
            Assert.Empty(found);
        }
        else
        {
            Assert.Contains(found, p => p.Contains(problem, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Procedures_are_the_same_row_by_code_in_any_case_and_distinct_codes_get_distinct_ids()
    {
        var importer = new ProcedureImporter();
        Assert.Equal(importer.RowKey(Fields(Procedure)), importer.RowKey(Fields(Procedure.Replace("1.001234", " 1.001234 "))));
        Assert.NotEqual(ProcedureWriter.IdForCode("1.001234"), ProcedureWriter.IdForCode("1-001234"));
        Assert.True(ContentIds.IsValid(ProcedureWriter.IdForCode(new string('9', 40))));
    }

    [Theory]
    [InlineData("bad id/with slash")]
    [InlineData("..")]
    public void An_envelope_id_that_no_item_could_have_is_refused_for_every_type(string id)
    {
        Assert.Contains(Problems(new NewsImporter(), """{ "title": "Tin" }""", id), p => p.Contains("'id': id", StringComparison.Ordinal));
        Assert.Contains(Problems(new ProcedureImporter(), Procedure, id), p => p.Contains("'id': id", StringComparison.Ordinal));
    }
}
