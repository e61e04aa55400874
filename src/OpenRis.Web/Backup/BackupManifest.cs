using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenRis.Web.Backup;

/// <summary>
/// backup.json: what a backup holds and how to check it. Written last, so a backup that was
/// interrupted has none and is refused; every other file is listed with its size and SHA-512.
/// </summary>
internal sealed record BackupManifest(
    int Format,
    string OpenRis,
    string Provider,
    string? Migration,
    DateTime Created,
    string Database,
    List<BackupEntry> Entries)
{
    public const string FileName = "backup.json";
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<List<BackupEntry>> ListAsync(string folder, CancellationToken ct)
    {
        var entries = new List<BackupEntry>();
        foreach (var relative in RelativePaths(folder))
        {
            var path = Path.Combine(folder, relative);
            entries.Add(new BackupEntry(relative, new FileInfo(path).Length, await Sha512Async(path, ct)));
        }
        return entries;
    }

    private static IEnumerable<string> RelativePaths(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(relative => relative != FileName)
            .Order(StringComparer.Ordinal);

    public async Task WriteAsync(string folder, CancellationToken ct)
    {
        var temporary = Path.Combine(folder, FileName + ".tmp");
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(this, Json), ct);
        File.Move(temporary, Path.Combine(folder, FileName), overwrite: true);
    }

    /// <summary>The manifest of a backup folder, or a German sentence why there is none.</summary>
    public static async Task<(BackupManifest? Manifest, string? Problem)> ReadAsync(string folder, CancellationToken ct)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return (null, $"{Path.GetFullPath(folder)} ist kein vollständiges OpenRIS-Backup ({FileName} fehlt).");
        }
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(path, ct), Json);
            return manifest is { Format: CurrentFormat, Entries: not null }
                ? (manifest, null)
                : (null, $"{FileName} hat ein unbekanntes Format (erwartet Format {CurrentFormat}).");
        }
        catch (JsonException e)
        {
            return (null, $"{FileName} ist nicht lesbar: {e.Message}");
        }
    }

    /// <summary>Every file missing, changed or not listed, one German line each; empty if the backup is intact.</summary>
    public async Task<List<string>> VerifyAsync(string folder, CancellationToken ct)
    {
        var problems = new List<string>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            listed.Add(entry.Path);
            var path = Path.Combine(folder, entry.Path);
            if (!File.Exists(path))
            {
                problems.Add($"{entry.Path}: fehlt.");
            }
            else if (new FileInfo(path).Length != entry.Bytes)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{entry.Path}: {new FileInfo(path).Length} statt {entry.Bytes} Bytes."));
            }
            else if (await Sha512Async(path, ct) != entry.Sha512)
            {
                problems.Add($"{entry.Path}: Prüfsumme (SHA-512) stimmt nicht.");
            }
        }
        problems.AddRange(RelativePaths(folder).Where(p => !listed.Contains(p)).Select(p => $"{p}: steht nicht im Manifest."));
        return problems;
    }

    private static async Task<string> Sha512Async(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        return Convert.ToHexStringLower(await SHA512.HashDataAsync(stream, ct));
    }
}

internal sealed record BackupEntry(string Path, long Bytes, string Sha512);
