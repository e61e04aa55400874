using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OpenRis.Web.Tests;

/// <summary>OpenRIS in-process over HTTP, against a <see cref="TestDatabase"/>, with the demo seeded unless told otherwise.</summary>
public sealed class RisApp(TestDatabase database, bool seedDemo = true, TimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    // Hundreds of hosts run in one test process: each watching appsettings with its own inotify
    // instance would exhaust the kernel's limit (128 per user), so file providers poll instead.
    static RisApp() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
        foreach (var (key, value) in database.Settings())
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("Demo:Seed", seedDemo ? "true" : "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        if (clock is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }

    /// <summary>Starts the host (migrating and seeding) and returns a client that does not follow redirects.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
