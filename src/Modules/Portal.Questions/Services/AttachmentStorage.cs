using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Persistence;

namespace Portal.Questions.Services;

/// <summary>
/// Citizens' attachments on disk: <c>{DataPath}/questions/{tenantId}/{storedName}</c>, outside the
/// public media folder (they are personal data, served only to the site's staff). Both path parts
/// are made here (a number and a random name), so no input can steer a path.
/// </summary>
// Public only because the services that MVC controllers take (which must be public) take it.
public sealed class AttachmentStorage(IOptions<PortalOptions> options, IHostEnvironment environment)
{
    private readonly string _root = Path.Combine(PortalDatabase.DataPath(options.Value, environment.ContentRootPath), "questions");

    internal async Task<string> SaveAsync(int tenantId, Stream content, string extension, CancellationToken cancellationToken)
    {
        var storedName = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension;
        var path = PathOf(tenantId, storedName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        content.Position = 0;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, cancellationToken);
        return storedName;
    }

    internal Stream? Open(int tenantId, string storedName)
    {
        var path = PathOf(tenantId, storedName);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    internal void Delete(int tenantId, string storedName)
    {
        try
        {
            File.Delete(PathOf(tenantId, storedName));
        }
        catch (IOException)
        {
            // Left behind: an orphan file costs disk space only; nothing points at it.
        }
    }

    private string PathOf(int tenantId, string storedName) =>
        Path.Combine(_root, tenantId.ToString(System.Globalization.CultureInfo.InvariantCulture), Path.GetFileName(storedName));
}
