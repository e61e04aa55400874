using Microsoft.EntityFrameworkCore;
using OpenRis.Documents.Official;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Files;

/// <summary>
/// The public notice of a meeting (Bekanntmachung) as HTML and A4 PDF, generated from the agenda
/// once the invitation has gone out. Non-public items appear only as the fact that a part II follows.
/// </summary>
public static class PublicNoticeEndpoints
{
    public static IEndpointRouteBuilder MapPublicNotices(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitzungen/{id:long}/bekanntmachung.{format:regex(^(pdf|html)$)}", RenderAsync);
        return app;
    }

    private static async Task<IResult> RenderAsync(long id, string format, RisDbContext db, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking()
            .Include(m => m.Organizations).ThenInclude(o => o.Organization).Include(m => m.Location).Include(m => m.AgendaItems).Include(m => m.AgendaVersions)
            .FirstOrDefaultAsync(m => m.Id == id && m.Public && m.InvitedAt != null, cancellationToken);
        if (meeting is null)
        {
            return Results.NotFound();
        }
        var letterhead = (configuration.GetSection(LetterheadOptions.Section).Get<LetterheadOptions>() ?? new()).ToLetterhead();
        var items = meeting.OrderedItems();
        var location = meeting.Location;
        var notice = new PublicNoticeDocument(
            meeting.Organizations.OrderBy(o => o.Position).First().Organization.Name,
            meeting.Name,
            Pages.Rendering.Dates.When(meeting.Start),
            location is null ? "wird noch bekanntgegeben" : string.Join(", ", new[] { location.Description ?? location.Room, location.StreetAddress, location.Locality }.Where(s => s is not null)),
            items.Where(i => i.IsPubliclyListed()).Select(i => (i.Number ?? "", i.Name)).ToList(),
            items.Any(i => !i.Public),
            DateOnly.FromDateTime(Berlin.ToLocal(meeting.InvitedAt!.Value)),
            new Signatory(letterhead.OfficeLines.Count > 0 ? letterhead.OfficeLines[0] : "", letterhead.Municipality));
        return format == "pdf"
            ? Results.File(OfficialDocumentPdf.Render(letterhead, notice), "application/pdf", $"bekanntmachung-sitzung-{id}.pdf")
            : Results.Content(OfficialDocumentHtml.Render(letterhead, notice), "text/html; charset=utf-8");
    }
}
