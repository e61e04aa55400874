using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Mail;

/// <summary>
/// Sends the queued <see cref="OutgoingMail"/> rows with MailKit. A failure (server down, refused
/// recipient) is written to the row with a back-off; the row is never removed, so nothing is lost.
/// Sending is at least once: a crash between delivery and saving SentAt may send a mail twice.
/// </summary>
public sealed partial class MailDispatcher(IServiceScopeFactory scopes, MailOptions options, TimeProvider clock, ILogger<MailDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 50;

    // One dispatch at a time: the background loop and a test calling DispatchPendingAsync must not send a row twice.
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            LogMailOff(logger);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
                await Task.Delay(options.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database is away; the rows wait in it.
                LogDispatchFailed(logger, e);
                await Task.Delay(options.PollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Sends every pending row that is due now; returns how many were delivered.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Enabled)
        {
            return 0;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var delivered = 0;
            while (true)
            {
                var (sent, more) = await DispatchBatchAsync(cancellationToken);
                delivered += sent;
                if (!more)
                {
                    return delivered;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(int Sent, bool More)> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RisDbContext>();
        var now = clock.GetUtcNow();
        var due = now.UtcDateTime;
        var batch = await db.OutgoingMails
            .Where(m => m.SentAt == null && m.NextAttemptAt <= due)
            .OrderBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return (0, false);
        }

        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(options.Host!, options.Port, options.Security, cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogServerUnreachable(logger, options.Host!, options.Port, e.Message);
            foreach (var mail in batch)
            {
                mail.Failed($"SMTP server {options.Host}:{options.Port}: {e.Message}", now);
            }
            await db.SaveChangesAsync(cancellationToken);
            return (0, false);
        }

        var sent = 0;
        foreach (var mail in batch)
        {
            try
            {
                await client.SendAsync(ToMessage(mail), cancellationToken);
                mail.Sent(now);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSendFailed(logger, mail.Id, e.Message);
                mail.Failed(e.Message, now);
                if (!client.IsConnected)
                {
                    break;
                }
            }
            // Saved per mail, so a crash mid-batch re-sends at most one.
            await db.SaveChangesAsync(cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        return (sent, sent == batch.Count && batch.Count == BatchSize);
    }

    private MimeMessage ToMessage(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.SenderName, options.SenderAddress));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.ToAddress));
        message.Subject = mail.Subject;
        message.Date = new DateTimeOffset(mail.QueuedAt, TimeSpan.Zero);
        // Stable id per row: a receiving server can recognise a repeated delivery.
        message.MessageId = $"openris-{mail.Id}@{MailboxAddress.Parse(options.SenderAddress).Domain}";
        message.Body = new TextPart("plain") { Text = mail.Body };
        if (mail.ListUnsubscribeUrl is { } unsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail is off (no Mail:Host set): queued mails stay in the database until it is configured.")]
    private static partial void LogMailOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail dispatch failed; will retry.")]
    private static partial void LogDispatchFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP server {Host}:{Port} not reachable ({Error}); mails stay queued.")]
    private static partial void LogServerUnreachable(ILogger logger, string host, int port, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {Id} not sent ({Error}); will retry.")]
    private static partial void LogSendFailed(ILogger logger, long id, string error);
}
