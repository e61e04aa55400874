using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OpenRis.Web.Accounts;
using OpenRis.Web.Demo;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Accounts;

/// <summary>
/// Identity lockout after repeated wrong passwords (the right one is refused too, in German, and the log
/// says so) and sessions that end: the login cookie's ticket expires after Accounts:SessionMinutes without
/// a request, measured with a fake clock.
/// </summary>
public sealed class LockoutAndSessionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private const string Locked = "Dieses Konto ist nach mehreren Fehlversuchen vorübergehend gesperrt.";

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_TheRightOneIsRefusedToo_AndItIsLogged()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var log = new LogCapture();
        await using var app = new RisApp(database);
        await using var logged = app.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(log)));
        var client = logged.CreateClient(new() { AllowAutoRedirect = false });

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await client.SubmitAsync("/anmelden", "Anmelden", new() { ["UserName"] = DemoAccounts.Clerk, ["Password"] = "falsch-falsch-" + attempt });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Benutzername oder Passwort stimmen nicht.", await wrong.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }
        using (var fifth = await client.SubmitAsync("/anmelden", "Anmelden", new() { ["UserName"] = DemoAccounts.Clerk, ["Password"] = "falsch-falsch-5" }))
        {
            Assert.Contains(Locked, await fifth.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }
        using (var right = await client.SubmitAsync("/anmelden", "Anmelden", new() { ["UserName"] = DemoAccounts.Clerk, ["Password"] = DemoAccounts.Password }))
        {
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
            Assert.Null(right.Headers.Location);
            Assert.DoesNotContain(right.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("openris.anmeldung=", StringComparison.Ordinal));
            Assert.Contains(Locked, await right.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }
        await using (var db = database.NewContext())
        {
            var account = await db.Users.SingleAsync(u => u.UserName == DemoAccounts.Clerk, Token);
            Assert.True(account.LockoutEnd > TimeProvider.System.GetUtcNow().AddMinutes(10), $"LockoutEnd {account.LockoutEnd}");
        }
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains($"Login refused for {DemoAccounts.Clerk}", StringComparison.Ordinal) && e.Message.Contains("locked out", StringComparison.Ordinal));
        Assert.Equal(4, log.Entries.Count(e => e.Message == $"Login failed for {DemoAccounts.Clerk}"));
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains("falsch-falsch", StringComparison.Ordinal) || e.Message.Contains(DemoAccounts.Password, StringComparison.Ordinal));
        // Another account is not affected.
        using var other = await client.SubmitAsync("/anmelden", "Anmelden", new() { ["UserName"] = DemoAccounts.CoSigningClerk, ["Password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task Session_EndsAfterTheDefaultEightHoursWithoutARequest()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        await using var app = new RisApp(database, clock: clock);
        var client = await app.SignInAsync(DemoAccounts.Clerk);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));

        clock.Advance(TimeSpan.FromMinutes(AccountServiceCollectionExtensions.DefaultSessionMinutes - 1));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));
        clock.Advance(TimeSpan.FromMinutes(AccountServiceCollectionExtensions.DefaultSessionMinutes + 1));
        await AssertSentToLoginAsync(client);
    }

    [Fact]
    public async Task Session_LastsSessionMinutes_SlidingWithEachRequest_ThenIsRefused()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        await using var app = new RisApp(database, clock: clock, settings: new Dictionary<string, string> { [AccountServiceCollectionExtensions.SessionMinutesSetting] = "30" });
        var client = await app.SignInAsync(DemoAccounts.Clerk);

        // Working keeps the session: 20 minutes between requests, 40 minutes after signing in.
        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));
        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));
        // 31 minutes away from the desk end it.
        clock.Advance(TimeSpan.FromMinutes(31));
        await AssertSentToLoginAsync(client);
        // Signing in again works.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(await app.SignInAsync(DemoAccounts.Clerk)));
    }

    [Fact]
    public async Task Session_EndsAfterTheDefaultTwelveHours_EvenWhenUsedAllTheTime()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        await using var app = new RisApp(database, clock: clock);
        var client = await app.SignInAsync(DemoAccounts.Clerk);

        // A request every five hours renews the eight-hour sliding session each time ...
        clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));
        clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));
        clock.Advance(TimeSpan.FromMinutes(119));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));
        // ... but twelve hours after signing in it ends all the same.
        clock.Advance(TimeSpan.FromMinutes(2));
        await AssertSentToLoginAsync(client);
        // The cookie is gone, not just refused once.
        await AssertSentToLoginAsync(client);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(await app.SignInAsync(DemoAccounts.Clerk)));
    }

    [Fact]
    public async Task Session_EndsAfterAbsoluteSessionHours_WhenSetShorter()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        await using var app = new RisApp(database, clock: clock, settings: new Dictionary<string, string>
        {
            [AccountServiceCollectionExtensions.SessionMinutesSetting] = "30",
            [AccountServiceCollectionExtensions.AbsoluteSessionHoursSetting] = "1",
        });
        var client = await app.SignInAsync(DemoAccounts.Clerk);
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(19));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));
        }
        clock.Advance(TimeSpan.FromMinutes(4));
        await AssertSentToLoginAsync(client);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/arbeitsbereich", UriKind.Relative), Token);
        return response.StatusCode;
    }

    private static async Task AssertSentToLoginAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/arbeitsbereich", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/anmelden", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>Collects what the application logs, to check that security events are there.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCapture capture) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture.Entries.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
