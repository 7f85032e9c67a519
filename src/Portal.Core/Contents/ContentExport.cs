using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Core.Contents;

/// <summary>
/// One item's envelope <c>fields</c> as a response writes them: serialized by its type's importer
/// straight from the stored data (<see cref="IContentImporter.WriteExport"/>), with the response's
/// own writer, so no JSON tree is built per item on a page of the content API.
/// </summary>
[JsonConverter(typeof(ContentExportConverter))]
public sealed class ContentExport(IContentImporter importer, ContentItem item)
{
    internal void WriteTo(Utf8JsonWriter writer) => importer.WriteExport(writer, item);
}

internal sealed class ContentExportConverter : JsonConverter<ContentExport>
{
    public override ContentExport Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("An exported item's fields are written, never read back through this type.");

    public override void Write(Utf8JsonWriter writer, ContentExport value, JsonSerializerOptions options) => value.WriteTo(writer);
}
