using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Files;
using OpenRis.Web.Hosting;
using OpenRis.Web.OParl;

namespace OpenRis.Web.Export;

/// <summary>
/// <c>openris export &lt;folder&gt;</c>: every public object as the JSON our own /oparl/v1.1 serves
/// (the stored documents, byte for byte), plus the file contents, so that an instance can be backed
/// up, moved, or mirrored by any OParl client. Layout in docs/import.md.
/// </summary>
internal static class ExportCommand
{
    public const string Usage = "Aufruf: openris export <Ordner>";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        var folder = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (folder is null)
        {
            await output.WriteLineAsync($"openris export: Bitte einen Zielordner angeben.\n\n{Usage}");
            return 2;
        }
        await services.PrepareDatabaseAsync(ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RisDbContext>();
        var summary = await ExportAsync(db, scope.ServiceProvider.GetRequiredService<FileStore>(), scope.ServiceProvider.GetRequiredService<OParlOptions>().BaseUrl, folder, ct);
        await output.WriteLineAsync(string.Join('\n', summary.Select(s => string.Create(CultureInfo.InvariantCulture, $"  {s.Key,-16} {s.Value,8}"))));
        await output.WriteLineAsync($"Export nach {Path.GetFullPath(folder)} abgeschlossen.");
        return 0;
    }

    /// <summary>Writes oparl/&lt;type&gt;/&lt;id&gt;.json for every visible object, files/&lt;id&gt;/&lt;fileName&gt; for their contents, and export.json.</summary>
    public static async Task<SortedDictionary<string, int>> ExportAsync(RisDbContext db, FileStore store, string baseUrl, string folder, CancellationToken ct)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var oparl = Path.Combine(folder, "oparl");
        Directory.CreateDirectory(oparl);
        var types = await db.OParlDocuments.Where(d => d.Visible && !d.Deleted).Select(d => d.Type).Distinct().ToListAsync(ct);
        foreach (var type in types.Order(StringComparer.Ordinal))
        {
            var directory = Path.Combine(oparl, type);
            Directory.CreateDirectory(directory);
            long after = -1;
            // Keyset by id, a thousand documents at a time: a city's archive does not fit in memory.
            while (true)
            {
                var batch = await db.OParlDocuments.AsNoTracking()
                    .Where(d => d.Type == type && d.Visible && !d.Deleted && d.ObjectId > after)
                    .OrderBy(d => d.ObjectId).Take(1000)
                    .Select(d => new { d.ObjectId, d.Json }).ToListAsync(ct);
                if (batch.Count == 0)
                {
                    break;
                }
                foreach (var document in batch)
                {
                    await File.WriteAllBytesAsync(Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{document.ObjectId}.json")), document.Json, ct);
                }
                counts[type] = counts.GetValueOrDefault(type) + batch.Count;
                after = batch[^1].ObjectId;
            }
        }

        var fileIds = Directory.Exists(Path.Combine(oparl, OParlTypes.File))
            ? Directory.EnumerateFiles(Path.Combine(oparl, OParlTypes.File)).Select(f => long.Parse(Path.GetFileNameWithoutExtension(f), CultureInfo.InvariantCulture)).ToHashSet()
            : [];
        var contents = 0;
        foreach (var chunk in fileIds.Order().Chunk(500))
        {
            var files = await db.Files.AsNoTracking().Where(f => chunk.Contains(f.Id)).Select(f => new { f.Id, f.FileName, f.Sha512Checksum }).ToListAsync(ct);
            foreach (var file in files.Where(f => f.Sha512Checksum.Length > 0 && store.Exists(f.Sha512Checksum)))
            {
                var directory = Path.Combine(folder, "files", file.Id.ToString(CultureInfo.InvariantCulture));
                Directory.CreateDirectory(directory);
                await using var source = store.OpenRead(file.Sha512Checksum);
                await using var target = File.Create(Path.Combine(directory, SafeName(file.FileName)));
                await source.CopyToAsync(target, ct);
                contents++;
            }
        }
        counts["file contents"] = contents;
        var manifest = new { oparlBaseUrl = baseUrl, system = new OParlUrls(baseUrl).System, objects = counts };
        await File.WriteAllTextAsync(Path.Combine(folder, "export.json"), JsonSerializer.Serialize(manifest, Indented), ct);
        return counts;
    }

    private static string SafeName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray()).Trim('.', ' ');
        return safe.Length == 0 ? "datei" : safe;
    }
}
