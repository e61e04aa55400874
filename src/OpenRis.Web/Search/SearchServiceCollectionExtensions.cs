using OpenRis.Web.Files;

namespace OpenRis.Web.Search;

/// <summary>Full-text search: this node's Lucene index, its outbox indexer, the query service, /api/search and the feed.</summary>
public static class SearchServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SearchOptions.Section).Get<SearchOptions>() ?? new SearchOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(services =>
        {
            var path = options.IndexPath;
            if (string.IsNullOrWhiteSpace(path))
            {
                // Beside the data: the file store's parent folder (data/ by default, the test's folder in tests).
                var files = services.GetRequiredService<FileStore>().Root;
                path = Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(files)) ?? ".", "search");
            }
            var words = GermanAnalysis.LoadWordList(options.WordList);
            if (words is null)
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger<SearchIndex>()
                    .LogWarning("German word list {WordList} not found: compound words are not split (apt-get install wngerman)", options.WordList);
            }
            return new SearchIndex(Path.GetFullPath(path), new GermanAnalysis(words));
        });
        builder.Services.AddSingleton<SearchIndexer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SearchIndexer>());
        builder.Services.AddScoped<SearchRecheck>();
        builder.Services.AddScoped<SearchService>();
        return builder;
    }

    public static WebApplication MapSearch(this WebApplication app)
    {
        app.MapGet("/api/search", SearchApi.GetAsync);
        app.MapGet("/suche.atom", SearchFeed.GetAsync);
        return app;
    }
}
