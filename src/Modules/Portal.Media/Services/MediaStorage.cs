using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Persistence;

namespace Portal.Media.Services;

/// <summary>
/// The files on disk: <c>{DataPath}/media/{tenantId}/{storedName}</c>. Both path parts are made
/// here (a number and a random name), so no user input can steer a path anywhere.
/// </summary>
internal sealed partial class MediaStorage(IOptions<PortalOptions> options, IHostEnvironment environment)
{
    private readonly string _root = Path.Combine(PortalDatabase.DataPath(options.Value, environment.ContentRootPath), "media");

    /// <summary>Copies the content under a fresh random name, hashing it on the way.</summary>
    public async Task<(string StoredName, string Sha256)> SaveAsync(int tenantId, Stream content, MediaFormat format, CancellationToken cancellationToken)
    {
        var storedName = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + format.Extension;
        var path = PathOf(tenantId, storedName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        content.Position = 0;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch
        {
            Delete(tenantId, storedName);
            throw;
        }

        return (storedName, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    /// <summary>The full path of a stored file; refuses names this class could not have made.</summary>
    public string PathOf(int tenantId, string storedName)
    {
        if (tenantId <= 0 || !StoredNamePattern().IsMatch(storedName))
        {
            throw new ArgumentException("Not a stored media name.", nameof(storedName));
        }

        return Path.Combine(_root, tenantId.ToString(CultureInfo.InvariantCulture), storedName);
    }

    public void Delete(int tenantId, string storedName)
    {
        var path = PathOf(tenantId, storedName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex(@"^[0-9a-f]{32}\.[a-z]{3,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex StoredNamePattern();
}
