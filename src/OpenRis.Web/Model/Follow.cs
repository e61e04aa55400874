using System.Net.Mail;
using System.Security.Cryptography;

namespace OpenRis.Web.Model;

/// <summary>
/// Someone following a paper, a body or a saved search by e-mail, without an account. Nothing is sent
/// but the confirmation mail until the address is confirmed (double opt-in); then a digest lists the
/// public changes since the last one. The token is the only key to confirm and unsubscribe.
/// </summary>
public sealed class Follow
{
    public long Id { get; set; }
    public string Email { get; set; } = "";

    /// <summary>Random, URL-safe; in every link of every mail.</summary>
    public string Token { get; set; } = "";

    public FollowTarget Target { get; set; }
    public long? PaperId { get; set; }
    public Paper? Paper { get; set; }
    public long? OrganizationId { get; set; }
    public Organization? Organization { get; set; }

    /// <summary>
    /// For <see cref="FollowTarget.Search"/>: the saved search as the query string of <c>/suche</c> without
    /// '?' (words and filters, e.g. <c>q=Radweg&amp;art=Antrag</c>).
    /// </summary>
    public string? Query { get; set; }

    /// <summary>The longest saved search a follow keeps (the column's length).</summary>
    public const int MaxQueryLength = 500;

    /// <summary>Days between digests: 1 (daily) or 7 (weekly).</summary>
    public int IntervalDays { get; set; } = 1;

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC; null until the address is confirmed.</summary>
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>UTC; null while active.</summary>
    public DateTime? UnsubscribedAt { get; set; }

    /// <summary>UTC; the next digest lists changes after this moment.</summary>
    public DateTime? LastDigestAt { get; set; }

    public bool IsActive => ConfirmedAt is not null && UnsubscribedAt is null;

    public static readonly int[] Intervals = [1, 7];

    /// <summary>A new, unconfirmed follow; throws a German <see cref="WorkflowException"/> on bad input.</summary>
    public static Follow Start(string? email, FollowTarget target, long? paperId, long? organizationId, string? query, int intervalDays, DateTime now)
    {
        email = email?.Trim() ?? "";
        if (email.Length is 0 or > 254 || !MailAddress.TryCreate(email, out var address) || address.Address != email || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new WorkflowException("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.");
        }
        if (!Intervals.Contains(intervalDays))
        {
            throw new WorkflowException("Bitte wählen Sie, ob Sie täglich oder wöchentlich benachrichtigt werden möchten.");
        }
        var valid = target switch
        {
            FollowTarget.Paper => paperId is not null,
            FollowTarget.Organization => organizationId is not null,
            FollowTarget.Search => !string.IsNullOrWhiteSpace(query),
        };
        if (!valid)
        {
            throw new WorkflowException("Es ist nicht klar, was Sie verfolgen möchten. Bitte starten Sie von der Seite der Vorlage, des Gremiums oder der Suche.");
        }
        if (target == FollowTarget.Search && query!.Trim().Length > MaxQueryLength)
        {
            throw new WorkflowException($"Diese Suche ist zu lang, um ihr per E-Mail zu folgen (höchstens {MaxQueryLength} Zeichen mit allen Filtern). Bitte kürzen Sie den Suchbegriff oder entfernen Sie Filter.");
        }
        return new Follow
        {
            Email = email,
            Target = target,
            PaperId = target == FollowTarget.Paper ? paperId : null,
            OrganizationId = target == FollowTarget.Organization ? organizationId : null,
            Query = target == FollowTarget.Search ? query!.Trim() : null,
            IntervalDays = intervalDays,
            CreatedAt = now,
            Token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'),
        };
    }

    /// <summary>Confirms the address; changes are reported from now on. Confirming twice changes nothing.</summary>
    public void Confirm(DateTime now)
    {
        if (UnsubscribedAt is not null)
        {
            throw new WorkflowException("Diese Benachrichtigung wurde bereits abbestellt. Bitte melden Sie sich neu an.");
        }
        if (ConfirmedAt is null)
        {
            ConfirmedAt = now;
            LastDigestAt = now;
        }
    }

    public void Unsubscribe(DateTime now) => UnsubscribedAt ??= now;

    /// <summary>Is a digest due? Only for confirmed, active follows, once the interval since the last digest has passed.</summary>
    public bool IsDue(DateTime now) => IsActive && LastDigestAt is { } last && last.AddDays(IntervalDays) <= now;
}

public enum FollowTarget
{
    Paper,
    Organization,
    Search,
}
