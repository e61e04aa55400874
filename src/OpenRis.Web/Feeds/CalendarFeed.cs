using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Feeds;

/// <summary>
/// Subscribable iCalendar feeds of public meetings (RFC 5545): all, per body, one meeting. Times are written
/// in Europe/Berlin with its VTIMEZONE so that calendar apps keep 15:00 as 15:00 across daylight saving time.
/// </summary>
internal static class CalendarFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private const string Zone = "Europe/Berlin";

    public sealed record Row(long Id, string Name, DateTime? Start, DateTime? End, bool Cancelled, DateTime Modified, string? Place, string? Street, string? Locality, string? Organization)
    {
        /// <summary>RFC 5545 SEQUENCE: bumped by every move and cancellation, so calendars replace the event.</summary>
        public int Sequence { get; init; }
    }

    public static IQueryable<Row> Rows(IQueryable<Meeting> meetings) =>
        meetings.AsNoTracking().Where(m => m.Public && m.Start != null).OrderBy(m => m.Start)
            .Select(m => new Row(m.Id, m.Name, m.Start, m.End, m.Cancelled, m.Modified,
                m.Location == null ? null : m.Location.Description ?? m.Location.Room,
                m.Location == null ? null : m.Location.StreetAddress,
                m.Location == null ? null : m.Location.Locality,
                m.Organizations.OrderBy(o => o.Position).Select(o => o.Organization.Name).FirstOrDefault())
            { Sequence = m.Sequence });

    public static Task<IResult> AllAsync(RisDbContext db, HttpContext http, FeedCache cache, CancellationToken cancellationToken) =>
        cache.ServeAsync(db, http, ContentType, async () => Write(await Rows(db.Meetings).ToListAsync(cancellationToken), "Sitzungen", http), cancellationToken);

    public static Task<IResult> OfOrganizationAsync(long id, RisDbContext db, HttpContext http, FeedCache cache, CancellationToken cancellationToken) =>
        cache.ServeAsync(db, http, ContentType, async () =>
        {
            var name = await db.Organizations.Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
            if (name is null)
            {
                return null;
            }
            var rows = await Rows(db.Meetings.Where(m => m.Organizations.Any(o => o.OrganizationId == id))).ToListAsync(cancellationToken);
            return Write(rows, $"Sitzungen – {name}", http);
        }, cancellationToken);

    public static Task<IResult> OfMeetingAsync(long id, RisDbContext db, HttpContext http, FeedCache cache, CancellationToken cancellationToken) =>
        cache.ServeAsync(db, http, ContentType, async () =>
        {
            var rows = await Rows(db.Meetings.Where(m => m.Id == id)).ToListAsync(cancellationToken);
            return rows.Count == 0 ? null : Write(rows, rows[0].Name, http);
        }, cancellationToken);

    private static string Write(List<Row> meetings, string name, HttpContext http)
    {
        var site = $"{http.Request.Scheme}://{http.Request.Host}";
        var calendar = new Calendar { ProductId = "-//OpenRIS//Ratsinformationssystem//DE" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", Zone);
        // The zone rules back to the earliest meeting, so that old meetings convert with the rules of their year.
        var earliest = meetings.Count == 0 ? DateTime.UnixEpoch : Berlin.ToLocal(meetings[0].Start!.Value);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(Zone, earliest, includeHistoricalData: true));
        foreach (var meeting in meetings)
        {
            var start = Berlin.ToLocal(meeting.Start!.Value);
            var item = new CalendarEvent
            {
                // Stable across feeds and renames, so that a subscribed calendar updates the event instead of duplicating it.
                Uid = $"sitzung-{meeting.Id}@{http.Request.Host.Host}",
                Summary = meeting.Cancelled ? $"Abgesagt: {meeting.Name}" : meeting.Name,
                DtStart = new CalDateTime(start, Zone),
                DtEnd = new CalDateTime(meeting.End is { } end ? Berlin.ToLocal(end) : start.AddHours(2), Zone),
                DtStamp = new CalDateTime(DateTime.SpecifyKind(meeting.Modified, DateTimeKind.Utc)),
                LastModified = new CalDateTime(DateTime.SpecifyKind(meeting.Modified, DateTimeKind.Utc)),
                Sequence = meeting.Sequence,
                Location = string.Join(", ", new[] { meeting.Place, meeting.Street, meeting.Locality }.Where(s => s is not null)),
                Description = meeting.Organization,
                Url = new Uri($"{site}/sitzungen/{meeting.Id}"),
                Status = meeting.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            };
            calendar.Events.Add(item);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
