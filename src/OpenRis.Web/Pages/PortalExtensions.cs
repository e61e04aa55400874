using OpenRis.Web.Feeds;

namespace OpenRis.Web.Pages;

/// <summary>The public portal: Razor Pages, the shared layout's data, feeds and the sitemap.</summary>
public static class PortalExtensions
{
    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        builder.Services.AddScoped<SiteHeader>();
        builder.Services.AddSingleton<FeedCache>();
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.UseServerTiming();
        app.MapRazorPages();
        app.MapFeeds();
        return app;
    }
}
