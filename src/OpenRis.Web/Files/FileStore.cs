using System.Security.Cryptography;

namespace OpenRis.Web.Files;

/// <summary>
/// File contents on local disk, addressed by their SHA-512: writing the same bytes twice is a
/// no-op, and a crash mid-write leaves only a temporary file, never a half file under its name.
/// </summary>
public sealed class FileStore(FileStoreOptions options)
{
    public string Root { get; } = Path.GetFullPath(options.Root);

    public async Task<StoredContent> SaveAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var sha512 = Convert.ToHexStringLower(SHA512.HashData(content.Span));
        var path = PathOf(sha512);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            await File.WriteAllBytesAsync(temporary, content.ToArray(), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        return new StoredContent(sha512, content.Length);
    }

    public bool Exists(string sha512) => File.Exists(PathOf(sha512));

    public Stream OpenRead(string sha512) =>
        new FileStream(PathOf(sha512), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);

    private string PathOf(string sha512) =>
        PathFor(sha512) ?? throw new ArgumentException("Not a lower-case SHA-512 hex digest.", nameof(sha512));

    /// <summary>Where the content with this digest lives (whether or not it is there), or null for a malformed digest.</summary>
    public string? PathFor(string sha512) =>
        sha512.Length == 128 && sha512.All(char.IsAsciiHexDigitLower) ? Path.Combine(Root, sha512[..2], sha512[2..4], sha512) : null;

    /// <summary>Every file under the root: stored contents and temporary files of writes a crash interrupted.</summary>
    public IEnumerable<string> AllPaths() =>
        Directory.Exists(Root) ? Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories) : [];
}

public sealed record StoredContent(string Sha512, long Size);

/// <summary>Settings under "Files".</summary>
public sealed class FileStoreOptions
{
    public const string Section = "Files";

    /// <summary>Folder for file contents; next to the SQLite database by default.</summary>
    public string Root { get; set; } = "data/files";

    /// <summary>Largest attachment a user may upload (bytes); 20 MB by default.</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;
}
