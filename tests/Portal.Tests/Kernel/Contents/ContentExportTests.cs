using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Core.Contents;

namespace Portal.Tests.Kernel.Contents;

/// <summary>
/// The content API writes each item's fields straight from the stored data
/// (<see cref="ContentImporter.WriteExport"/>); it must write byte for byte what serializing
/// <see cref="ContentImporter.Export"/> writes, for every module's type and for odd data.
/// </summary>
[Trait("Category", "Fast")]
public sealed class ContentExportTests
{
    private static readonly DateTime Published = new(2026, 11, 30, 2, 15, 0, DateTimeKind.Utc);

    public static TheoryData<string> Encoders => ["default", "relaxed"];

    private static JsonSerializerOptions Options(string encoder) => new(JsonSerializerDefaults.Web)
    {
        Encoder = encoder == "relaxed" ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default,
    };

    private static ContentItem Item(string data, DateTime? published = null) => new()
    {
        ContentItemId = "x-1",
        ContentType = "t",
        Title = "Tiêu đề \"có\" <b>ký tự</b> & dấu",
        Slug = "tieu-de",
        Data = data,
        PublishedUtc = published,
    };

    private static void AssertSame(IContentImporter importer, ContentItem item, string encoder)
    {
        var options = Options(encoder);
        var expected = JsonSerializer.Serialize(importer.Export(item), options);
        var actual = JsonSerializer.Serialize(new ContentExport(importer, item), options);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Encoders))]
    public void Every_modules_type_writes_what_its_export_serializes_to(string encoder)
    {
        AssertSame(new Portal.News.Services.NewsImporter(), Item(ContentFields.Write(FieldSamples.News()), Published), encoder);
        AssertSame(new Portal.LegalDocuments.Services.LegalDocumentImporter(), Item(ContentFields.Write(FieldSamples.Legal()), Published), encoder);
        AssertSame(new Portal.Procedures.Services.ProcedureImporter(), Item(ContentFields.Write(FieldSamples.Procedure()), Published), encoder);
        AssertSame(new Portal.Pages.Services.PageImporter(), Item("{\"body\":\"<p>Giới thiệu</p>\"}", Published), encoder);
        AssertSame(new Portal.Questions.Services.QuestionImporter(), Item(ContentFields.Write(new Portal.Questions.Models.AnswerFields
        {
            Question = "Xin hỏi \"thủ tục\" <cấp> phép?", Field = "xay-dung", Agency = "Sở Xây dựng", Answer = "<p>Trả lời & hướng dẫn</p>",
            Answerer = "Phòng Quản lý", AskedUtc = Published.AddDays(-10), AnsweredUtc = Published,
        }), Published), encoder);
    }

    [Theory]
    [MemberData(nameof(Encoders))]
    public void Odd_data_is_written_as_the_export_writes_it(string encoder)
    {
        var importer = new SampleImporter();
        AssertSame(importer, Item("{\"a\":null,\"b\":[1,{\"c\":\"đ\\u003C\"}],\"x\":\"ngoài danh sách\",\"publishedAt\":\"2020-01-01\"}"), encoder);
        AssertSame(importer, Item("{\"a\":\"một\",\"b\":true}", Published), encoder);
        AssertSame(importer, Item("[1,2]"), encoder);
        AssertSame(importer, Item("không phải JSON"), encoder);
        AssertSame(importer, Item(""), encoder);
        AssertSame(new ReshapingImporter(), Item("{\"a\":\"x\"}"), encoder);
    }

    private class SampleImporter : ContentImporter
    {
        public override string Type => "t";

        public override string FeatureId => "Portal.Test";

        public override IReadOnlyList<string> FieldNames => ["title", "a", "slug", "b", "publishedAt"];

        public override IEnumerable<(string Field, string Message)> Check(JsonObject fields) => [];

        public override Task<ContentUpsert> PrepareAsync(ContentEnvelope envelope, IServiceProvider services, ContentActor actor, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    /// <summary>A type whose envelope differs from its stored shape: its own Export is what is written.</summary>
    private sealed class ReshapingImporter : SampleImporter
    {
        public override JsonObject Export(ContentItem item) => new() { ["reshaped"] = item.Title };
    }
}
