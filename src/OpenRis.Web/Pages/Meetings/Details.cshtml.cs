using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Meetings;

public sealed class DetailsModel(RisDbContext db) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;
    public List<ItemView> Agenda { get; private set; } = [];
    public List<FileView> Files { get; private set; } = [];
    public MeetingRecord Record { get; private set; } = null!;

    public sealed record MeetingView(long Id, string Name, DateTime? Start, DateTime? End, bool Cancelled, MeetingState State,
        string? Place, string? Street, string? Locality, List<Named> Organizations);

    public sealed record Named(long Id, string Name);

    public sealed record ItemView(long Id, string? Number, string Name, string? Result, string? ResolutionText, PaperLink? Paper, List<FileView> Files)
    {
        public MeetingRecord.Vote? Vote { get; init; }
    }

    public sealed record PaperLink(long Id, string? Reference, string Name);

    public sealed record FileView(long Id, string Name, string FileName, string MimeType, long Size, long? AgendaItemId);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == id && m.Public)
            .Select(m => new MeetingView(m.Id, m.Name, m.Start, m.End, m.Cancelled, m.MeetingState,
                m.Location == null ? null : m.Location.Description ?? m.Location.Room,
                m.Location == null ? null : m.Location.StreetAddress,
                m.Location == null ? null : m.Location.Locality,
                m.Organizations.OrderBy(o => o.Position).Select(o => new Named(o.OrganizationId, o.Organization.Name)).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }
        Meeting = meeting;

        // Only public items; a paper is linked only if the public may see it (a public item can discuss a paper not yet published).
        // An item added after the last published version waits for its Nachtrag before the public sees it (AgendaItem.PubliclyListed).
        var items = await db.AgendaItems.AsNoTracking()
            .Where(i => i.MeetingId == id).PubliclyListed()
            .OrderBy(i => i.Order)
            .Select(i => new
            {
                i.Id,
                i.Number,
                i.Name,
                i.Result,
                i.ResolutionText,
                Paper = i.Consultation != null && i.Consultation.Paper.Public && i.Consultation.Paper.Status == PaperStatus.Published
                    ? new PaperLink(i.Consultation.Paper.Id, i.Consultation.Paper.Reference ?? i.Consultation.Paper.ParentPaper!.Reference, i.Consultation.Paper.Name)
                    : null,
            }).ToListAsync(cancellationToken);
        // Files of the meeting and of its listed items, each by its own index: one query with
        // "MeetingId = @id OR item listed" makes SQLite scan every file of the municipality.
        var itemIds = items.Select(i => i.Id).ToList();
        var publicFiles = db.Files.AsNoTracking().Where(f => f.Public);
        var files = (await Views(publicFiles.Where(f => f.MeetingId == id)).ToListAsync(cancellationToken))
            .Concat(await Views(publicFiles.Where(f => f.AgendaItemId != null && itemIds.Contains(f.AgendaItemId.Value))).ToListAsync(cancellationToken))
            .DistinctBy(f => f.Id).OrderBy(f => f.Id).ToList();
        Record = await MeetingRecord.LoadAsync(db, id, cancellationToken);
        Agenda = items.Select(i => new ItemView(i.Id, i.Number, i.Name, i.Result, i.ResolutionText, i.Paper,
            files.Where(f => f.AgendaItemId == i.Id).ToList())
        { Vote = Record.Votes.GetValueOrDefault(i.Id) }).ToList();
        Files = files.Where(f => f.AgendaItemId is null).ToList();
        ViewData["Title"] = $"{meeting.Name} am {Rendering.Dates.Day(meeting.Start)}";
        return Page();
    }

    private static IQueryable<FileView> Views(IQueryable<DocumentFile> files) =>
        files.Select(f => new FileView(f.Id, f.Name, f.FileName, f.MimeType, f.Size, f.AgendaItemId));
}
