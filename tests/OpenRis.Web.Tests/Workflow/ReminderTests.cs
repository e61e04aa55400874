using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OpenRis.Web.Demo;
using OpenRis.Web.Mail;
using OpenRis.Web.Tests.Mail;

namespace OpenRis.Web.Tests.Workflow;

/// <summary>Reminders before the answer and co-signing due dates, from the daily run of the hosted service, each queued once.</summary>
public sealed class ReminderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task DueDates_AreRemindedThreeDaysAhead_ByTheDailyRun_Once(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var sink = await SmtpSink.StartAsync();
        var (app, clock) = await SeedCaseTests.StartBeforeTheCaseAsync(database, sink.Settings());
        await using var _ = app;
        var mail = new MailInbox(sink, app.Services.GetRequiredService<MailDispatcher>());
        var reminders = app.Services.GetRequiredService<DueDateReminders>();

        // Filed and registered on 14.09.2018 with Amt 11 answering and HABIT co-signing by 26.09.2018.
        var inquiryId = await SeedCaseTests.FileInquiryAsync(app);
        var path = $"/arbeitsbereich/vorlagen/{inquiryId}";
        var office = await app.SignInAsync(DemoAccounts.CouncilOffice);
        var form = await office.PageAsync($"{path}/registrieren");
        using (var registered = await office.SubmitAsync($"{path}/registrieren", "Registrieren", new()
        {
            ["LeadOfficeId"] = form.Option("LeadOfficeId", "Amt 11"),
            ["DueDate"] = "2018-09-26",
        }, multi: new() { ["CoSigningOfficeIds"] = [form.Option("LeadOfficeId", "HABIT")] }))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }
        await mail.NewAsync();

        // Sat 22.09., 06:00: the due date is four days off; nothing yet.
        clock.SetUtcNow(new DateTimeOffset(2018, 9, 22, 4, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await reminders.RunAsync(Token));
        Assert.Empty(await mail.NewAsync());

        // Sun 23.09., 06:00: the daily run of the hosted service wakes on the clock and reminds both offices.
        clock.SetUtcNow(new DateTimeOffset(2018, 9, 23, 4, 0, 0, TimeSpan.Zero));
        var arrived = new List<MimeMessage>();
        for (var i = 0; i < 100 && arrived.Count < 2; i++)
        {
            await Task.Delay(100, Token);
            arrived.AddRange(await mail.NewAsync());
        }
        Assert.Equal(["amt11@demo.openris.example", "habit@demo.openris.example"], arrived.Select(To).Order());
        Assert.Equal("Erinnerung: Stellungnahme bis 26.09.2018 – 0930/2018 „E-Government - Digitalisierungsstrategie“", arrived.Single(m => To(m).StartsWith("amt11", StringComparison.Ordinal)).Subject);
        Assert.StartsWith("Erinnerung: Mitzeichnung bis 26.09.2018", arrived.Single(m => To(m).StartsWith("habit", StringComparison.Ordinal)).Subject, StringComparison.Ordinal);
        Assert.Contains($"https://ris.hagen.example{path}", arrived[0].TextBody, StringComparison.Ordinal);

        // Further runs, the same day or the next, queue nothing twice.
        Assert.Equal(0, await reminders.RunAsync(Token));
        clock.SetUtcNow(new DateTimeOffset(2018, 9, 24, 4, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await reminders.RunAsync(Token));
        Assert.Empty(await mail.NewAsync());
    }
}
