using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using OpenRis.Web.Mail;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Mail;

/// <summary>The mail queue end to end: rows in the database, MailKit over TCP, a real SMTP server on loopback.</summary>
public sealed class MailDispatcherTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Start = new(2018, 9, 14, 9, 30, 0, TimeSpan.Zero);

    private static async Task QueueAsync(TestDatabase database, FakeTimeProvider clock, string key, string to = "amt11@hagen.example")
    {
        await using var db = database.NewContext(clock);
        Assert.True(await db.QueueAsync(OutgoingMail.Create(key, to, "Amt 11 – Bürgerdienste",
            "Neue Anfrage 0930/2018: E-Government – Digitalisierungsstrategie",
            "Guten Tag,\n\nIhrem Amt wurde die Anfrage zugewiesen. Bitte prüfen Sie die Fragen zur Größe und Zuständigkeit.\n", clock.GetUtcNow()), Token));
        await db.SaveChangesAsync(Token);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task QueuedMail_ArrivesWithHeadersAndUmlauts(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var sink = await SmtpSink.StartAsync();
        var clock = new FakeTimeProvider(Start);
        await using var app = new RisApp(database, seedDemo: false, clock: clock, settings: sink.Settings());
        var dispatcher = app.Services.GetRequiredService<MailDispatcher>();

        await QueueAsync(database, clock, "test:umlauts");
        await dispatcher.DispatchPendingAsync(Token);

        var message = Assert.Single(sink.Messages);
        Assert.Equal("Neue Anfrage 0930/2018: E-Government – Digitalisierungsstrategie", message.Subject);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("Ratsinformationssystem Hagen", "ratsinformation@hagen.example"), (from.Name, from.Address));
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal(("Amt 11 – Bürgerdienste", "amt11@hagen.example"), (to.Name, to.Address));
        Assert.Contains("zur Größe und Zuständigkeit", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(Start, message.Date);

        await using var db = database.NewContext(clock);
        var row = await db.OutgoingMails.SingleAsync(Token);
        Assert.Equal(Start.UtcDateTime, row.SentAt);
        Assert.Equal(1, row.Attempts);

        // Sent is sent: another run delivers nothing again.
        await dispatcher.DispatchPendingAsync(Token);
        Assert.Single(sink.Messages);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ServerDown_RowStaysPending_AndIsDeliveredWhenItIsUp(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var sink = await SmtpSink.StartAsync(started: false);
        var clock = new FakeTimeProvider(Start);
        await using var app = new RisApp(database, seedDemo: false, clock: clock, settings: sink.Settings());
        var dispatcher = app.Services.GetRequiredService<MailDispatcher>();

        await QueueAsync(database, clock, "test:down");
        Assert.Equal(0, await dispatcher.DispatchPendingAsync(Token));
        await using (var db = database.NewContext(clock))
        {
            var row = await db.OutgoingMails.SingleAsync(Token);
            Assert.Null(row.SentAt);
            Assert.Equal(1, row.Attempts);
            Assert.Contains("127.0.0.1", row.LastError, StringComparison.Ordinal);
            Assert.Equal(Start.UtcDateTime.AddMinutes(1), row.NextAttemptAt);
        }

        // Up again, but inside the back-off nothing is tried; after it the mail goes out once.
        await sink.UpAsync();
        await dispatcher.DispatchPendingAsync(Token);
        Assert.Empty(sink.Messages);
        clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.DispatchPendingAsync(Token);
        Assert.Equal("amt11@hagen.example", Assert.Single(sink.Messages).To.Mailboxes.Single().Address);
        await using (var db = database.NewContext(clock))
        {
            var row = await db.OutgoingMails.SingleAsync(Token);
            Assert.NotNull(row.SentAt);
            Assert.Null(row.LastError);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RolledBackChange_QueuesNothing_AndAKeyIsQueuedOnce(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var sink = await SmtpSink.StartAsync();
        var clock = new FakeTimeProvider(Start);
        await using var app = new RisApp(database, seedDemo: false, clock: clock, settings: sink.Settings());
        var dispatcher = app.Services.GetRequiredService<MailDispatcher>();

        await using (var db = database.NewContext(clock))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Token);
            db.NumberSequences.Add(new NumberSequence { Key = "rollback" });
            await db.QueueAsync(OutgoingMail.Create("test:rollback", "ratsbuero@hagen.example", null, "Neu", "Text", clock.GetUtcNow()), Token);
            await db.SaveChangesAsync(Token);
            await transaction.RollbackAsync(Token);
        }
        await dispatcher.DispatchPendingAsync(Token);
        Assert.Empty(sink.Messages);

        await QueueAsync(database, clock, "test:once");
        await using (var db = database.NewContext(clock))
        {
            Assert.False(await db.QueueAsync(OutgoingMail.Create("test:once", "x@hagen.example", null, "Zweimal", "Text", clock.GetUtcNow()), Token));
            // Even a twin added past the check (a concurrent writer) is refused by the unique index.
            db.OutgoingMails.Add(OutgoingMail.Create("test:once", "x@hagen.example", null, "Zweimal", "Text", clock.GetUtcNow()));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Token));
        }
        await dispatcher.DispatchPendingAsync(Token);
        Assert.Single(sink.Messages);
    }
}
