using Portal.Core.Forms;

namespace Portal.Media.Services;

/// <summary>The library's own <see cref="UploadCheck"/> offered to other modules through the kernel's contract.</summary>
internal sealed class MediaUploadInspector : IUploadInspector
{
    public UploadVerdict Inspect(string fileName, long length, Stream content)
    {
        content.Position = 0;
        var (upload, error) = UploadCheck.Check(fileName, length, content);
        content.Position = 0;
        return upload is null
            ? UploadVerdict.Refused(error ?? "Tệp không được nhận.")
            : new UploadVerdict(upload.Format.Name, upload.Format.ContentType, upload.Format.Extension, null);
    }
}
