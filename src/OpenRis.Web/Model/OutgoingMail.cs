namespace OpenRis.Web.Model;

/// <summary>
/// One e-mail to one recipient, queued in the same SaveChanges as the change it reports: a
/// rolled-back change queues nothing, and a queued mail survives a failing or absent SMTP server.
/// <see cref="OpenRis.Web.Mail.MailDispatcher"/> sends it later.
/// </summary>
public sealed class OutgoingMail
{
    public long Id { get; set; }

    /// <summary>
    /// Unique: what this mail is about and for whom, e.g. "reminder:answer:12:2018-09-20:user:5".
    /// A reminder or alert whose key exists is not queued again.
    /// </summary>
    public required string DeduplicationKey { get; set; }

    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }

    /// <summary>Plain text, UTF-8.</summary>
    public required string Body { get; set; }

    /// <summary>
    /// For mails someone subscribed to (follow alerts): the one-click unsubscribe URL, sent as
    /// List-Unsubscribe with List-Unsubscribe-Post (RFC 8058) so mail programs offer an unsubscribe button.
    /// </summary>
    public string? ListUnsubscribeUrl { get; set; }

    /// <summary>UTC.</summary>
    public DateTime QueuedAt { get; set; }

    /// <summary>UTC; the dispatcher leaves the row alone before then (back-off after a failure).</summary>
    public DateTime NextAttemptAt { get; set; }

    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>UTC; null while pending.</summary>
    public DateTime? SentAt { get; set; }

    public static OutgoingMail Create(string deduplicationKey, string toAddress, string? toName, string subject, string body, DateTimeOffset now) => new()
    {
        DeduplicationKey = deduplicationKey,
        ToAddress = toAddress,
        ToName = toName,
        Subject = subject,
        Body = body,
        QueuedAt = now.UtcDateTime,
        NextAttemptAt = now.UtcDateTime,
    };

    /// <summary>Records a failed attempt; the wait doubles from one minute up to six hours, and the row is never given up.</summary>
    public void Failed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        var minutes = Math.Min(Math.Pow(2, Attempts - 1), 360);
        NextAttemptAt = now.UtcDateTime.AddMinutes(minutes);
    }

    public void Sent(DateTimeOffset now)
    {
        Attempts++;
        SentAt = now.UtcDateTime;
        LastError = null;
    }
}
