namespace OpenRis.Web.Feeds;

/// <summary>Calendar and paper feeds and the sitemap: machine-readable views of the public portal.</summary>
public static class FeedEndpoints
{
    public static WebApplication MapFeeds(this WebApplication app)
    {
        app.MapGet("/kalender.ics", CalendarFeed.AllAsync);
        app.MapGet("/gremien/{id:long}/kalender.ics", CalendarFeed.OfOrganizationAsync);
        app.MapGet("/sitzungen/{id:long}.ics", CalendarFeed.OfMeetingAsync);
        app.MapGet("/vorlagen.atom", PaperFeed.AllAsync);
        app.MapGet("/gremien/{id:long}/vorlagen.atom", PaperFeed.OfOrganizationAsync);
        app.MapGet("/sitemap.xml", Sitemap.GetAsync);
        app.MapGet("/sitemap-{part:int}.xml", Sitemap.GetPartAsync);
        return app;
    }
}
