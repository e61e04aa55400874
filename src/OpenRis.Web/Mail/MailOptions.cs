using MailKit.Security;

namespace OpenRis.Web.Mail;

/// <summary>Settings under "Mail". Without a Host mail is off: rows stay queued and a warning is logged.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>Auto, None, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>Optional; both or neither.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }

    public string SenderAddress { get; set; } = "ratsinformation@localhost";
    public string SenderName { get; set; } = "Ratsinformationssystem";

    /// <summary>Scheme and host the links in mails point to; OParl:BaseUrl when not set.</summary>
    public string? LinkBaseUrl { get; set; }

    /// <summary>How often the dispatcher looks for pending mail.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Reminders go out this many days before a due date (answer, co-signing, commitment).</summary>
    public int ReminderDays { get; set; } = 3;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
