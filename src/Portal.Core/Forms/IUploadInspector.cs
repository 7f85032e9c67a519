namespace Portal.Core.Forms;

/// <summary>
/// The media library's checks of an uploaded file (its content decides the format, the extension
/// must agree, size limits per kind, no active PDF content), offered to modules that take files
/// from the public without putting them in the library: a citizen's attachments to a question.
/// Implemented by the Media module; a module that takes uploads asks for it here instead of
/// copying the checks.
/// </summary>
public interface IUploadInspector
{
    /// <summary>Checks <paramref name="content"/> (seekable; read from its start); the accepted format, or the Vietnamese reason for the sender.</summary>
    UploadVerdict Inspect(string fileName, long length, Stream content);
}

/// <summary>What <see cref="IUploadInspector"/> found: <see cref="Error"/> null for an accepted file.</summary>
/// <param name="FormatName">The format's name (PNG, PDF, DOCX...).</param>
/// <param name="ContentType">The media type the file is served with.</param>
/// <param name="Extension">The format's own extension, with the dot, for the stored name.</param>
public sealed record UploadVerdict(string? FormatName, string? ContentType, string? Extension, string? Error)
{
    public bool Accepted => Error is null;

    public static UploadVerdict Refused(string error) => new(null, null, null, error);
}
