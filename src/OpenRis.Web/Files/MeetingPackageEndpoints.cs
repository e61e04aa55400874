using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenRis.Documents.Packages;
using OpenRis.Web.Data;
using OpenRis.Web.Model;
using OpenRis.Web.Pages.Rendering;

namespace OpenRis.Web.Files;

/// <summary>
/// "Sitzungsmappe": every public document of a public meeting as one PDF with bookmarks, or as a zip.
/// Built once per meeting version and kept next to the file store, then served from disk.
/// </summary>
public static class MeetingPackageEndpoints
{
    public static IEndpointRouteBuilder MapMeetingPackages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitzungen/{id:long}/mappe.pdf", (long id, RisDbContext db, FileStore store, CancellationToken cancellationToken) =>
            ServeAsync(id, Format.Pdf, db, store, cancellationToken));
        app.MapGet("/sitzungen/{id:long}/mappe.zip", (long id, RisDbContext db, FileStore store, CancellationToken cancellationToken) =>
            ServeAsync(id, Format.Zip, db, store, cancellationToken));
        return app;
    }

    private enum Format
    {
        Pdf,
        Zip,
    }

    private sealed record Entry(int Section, string SectionTitle, string Title, string FileName, string MimeType, string Sha512);

    private static async Task<IResult> ServeAsync(long id, Format format, RisDbContext db, FileStore store, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == id && m.Public)
            .Select(m => new { m.Name, m.Start, m.Modified }).SingleOrDefaultAsync(cancellationToken);
        if (meeting is null)
        {
            return Results.NotFound();
        }
        var entries = (await EntriesAsync(db, id, cancellationToken)).Where(e => store.Exists(e.Sha512)).ToList();

        // The version key covers everything that shapes the package, so any change builds a new one.
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            entries.Select(e => $"{e.Section}|{e.SectionTitle}|{e.Title}|{e.FileName}|{e.MimeType}|{e.Sha512}")
                .Prepend($"{meeting.Name}|{meeting.Start:O}|{meeting.Modified:O}")))))[..24];
        var extension = format == Format.Pdf ? "pdf" : "zip";
        var folder = Path.Combine(store.Root, "..", "packages");
        var path = Path.GetFullPath(Path.Combine(folder, $"{id}-{key}.{extension}"));
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(folder);
            var title = $"{meeting.Name} am {Dates.Day(meeting.Start)}";
            var package = new MeetingPackage(title, "Öffentliche Unterlagen der Sitzung (Sitzungsmappe)", await SectionsAsync(entries, store, cancellationToken));
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            await using (var output = File.Create(temporary))
            {
                // PDFsharp and ZipArchive write synchronously; off the request thread and into a file, not the response.
                await Task.Run(() =>
                {
                    if (format == Format.Pdf)
                    {
                        MeetingPackagePdf.Write(package, output);
                    }
                    else
                    {
                        MeetingPackageZip.Write(package, output);
                    }
                }, cancellationToken);
            }
            File.Move(temporary, path, overwrite: true);
            foreach (var old in Directory.EnumerateFiles(folder, $"{id}-*.{extension}").Where(f => Path.GetFullPath(f) != path))
            {
                File.Delete(old);
            }
        }
        var name = $"Sitzungsmappe-{id}-{Dates.Day(meeting.Start)}.{extension}";
        return Results.File(path, format == Format.Pdf ? "application/pdf" : "application/zip", name, enableRangeProcessing: true);
    }

    /// <summary>
    /// The meeting's own public files, then per public agenda item its public files and the public files of its
    /// paper if the public may see that paper. Nothing else: the same rules as the meeting and paper pages.
    /// </summary>
    private static async Task<List<Entry>> EntriesAsync(RisDbContext db, long id, CancellationToken cancellationToken)
    {
        var meetingFiles = await db.Files.AsNoTracking().Where(f => f.Public && f.MeetingId == id)
            .OrderBy(f => f.Role).ThenBy(f => f.Id)
            .Select(f => new Entry(0, "Sitzung", f.Name, f.FileName, f.MimeType, f.Sha512Checksum)).ToListAsync(cancellationToken);
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == id).PubliclyListed().OrderBy(i => i.Order)
            .Select(i => new
            {
                i.Id,
                i.Order,
                Title = (i.Number == null ? "" : "TOP " + i.Number + ": ") + i.Name,
                PaperId = i.Consultation != null && i.Consultation.Paper.Public && i.Consultation.Paper.Status == PaperStatus.Published
                    ? (long?)i.Consultation.PaperId : null,
            }).ToListAsync(cancellationToken);
        var itemIds = items.Select(i => i.Id).ToList();
        var paperIds = items.Where(i => i.PaperId is not null).Select(i => i.PaperId!.Value).ToList();
        // The item's own files, its paper's, and those of the paper's published statements (the answers).
        var files = await db.Files.AsNoTracking().Where(f => f.Public)
            .Where(f => (f.AgendaItemId != null && itemIds.Contains(f.AgendaItemId.Value))
                || (f.Paper != null && f.Paper.Public && f.Paper.Status == PaperStatus.Published && !f.Paper.Deleted
                    && (paperIds.Contains(f.Paper.Id) || (f.Paper.ParentPaperId != null && paperIds.Contains(f.Paper.ParentPaperId.Value)))))
            .OrderBy(f => f.Role).ThenBy(f => f.Id)
            .Select(f => new { f.AgendaItemId, f.PaperId, ParentPaperId = f.Paper == null ? null : f.Paper.ParentPaperId, f.Name, f.FileName, f.MimeType, f.Sha512Checksum })
            .ToListAsync(cancellationToken);
        return meetingFiles.Concat(items.SelectMany(i => files
            .Where(f => f.AgendaItemId == i.Id || (i.PaperId is { } paper && (f.PaperId == paper || f.ParentPaperId == paper)))
            .OrderBy(f => f.AgendaItemId is null ? 0 : 1)
            .Select(f => new Entry(i.Order + 1, i.Title, f.Name, f.FileName, f.MimeType, f.Sha512Checksum)))).ToList();
    }

    private static async Task<List<PackageSection>> SectionsAsync(List<Entry> entries, FileStore store, CancellationToken cancellationToken)
    {
        var sections = new List<PackageSection>();
        foreach (var group in entries.GroupBy(e => (e.Section, e.SectionTitle)))
        {
            var documents = new List<PackageDocument>();
            foreach (var entry in group)
            {
                await using var stream = store.OpenRead(entry.Sha512);
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, cancellationToken);
                documents.Add(new PackageDocument(entry.Title, entry.FileName, entry.MimeType, buffer.ToArray()));
            }
            sections.Add(new PackageSection(group.Key.SectionTitle, documents));
        }
        return sections;
    }
}
