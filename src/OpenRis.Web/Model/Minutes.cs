using System.Globalization;
using System.Text;

namespace OpenRis.Web.Model;

/// <summary>
/// Niederschrift (GO NRW § 52): drafted from the recorded results, signed by the chair and the
/// minute-taker, which makes it effective; then published and frozen. The council cannot amend
/// signed minutes, only resolve a correction in a later meeting, which points back here.
/// </summary>
public sealed class Minutes
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public Meeting Meeting { get; set; } = null!;

    /// <summary>The public part; what the portal shows once published.</summary>
    public string PublicText { get; set; } = "";

    /// <summary>The non-public part; never published.</summary>
    public string? NonPublicText { get; set; }

    public string? ChairName { get; set; }
    public DateTime? ChairSignedAt { get; set; }
    public string? MinuteTakerName { get; set; }
    public DateTime? MinuteTakerSignedAt { get; set; }
    public DateTime? PublishedAt { get; set; }

    /// <summary>For a correction resolved in a later meeting: the minutes it corrects.</summary>
    public long? CorrectsId { get; set; }
    public Minutes? Corrects { get; set; }

    public MinutesStatus Status =>
        PublishedAt is not null ? MinutesStatus.Published
        : ChairSignedAt is not null && MinuteTakerSignedAt is not null ? MinutesStatus.FullySigned
        : ChairSignedAt is not null || MinuteTakerSignedAt is not null ? MinutesStatus.PartlySigned
        : MinutesStatus.Draft;

    /// <summary>A draft from the recorded attendance and results, for the minute-taker to complete.</summary>
    public static Minutes Draft(Meeting meeting, IReadOnlyCollection<Attendance> attendance)
    {
        if (meeting.Cancelled)
        {
            throw new MeetingException("Eine abgesagte Sitzung hat keine Niederschrift.");
        }
        var items = meeting.OrderedItems();
        return new Minutes
        {
            Meeting = meeting,
            MeetingId = meeting.Id,
            PublicText = Text(meeting, items.Where(i => i.Public), attendance, withAttendance: true),
            NonPublicText = items.Any(i => !i.Public) ? Text(meeting, items.Where(i => !i.Public), attendance, withAttendance: false) : null,
        };
    }

    public void Edit(string? publicText, string? nonPublicText)
    {
        if (Status != MinutesStatus.Draft)
        {
            throw new MeetingException("Die Niederschrift ist bereits unterschrieben und kann nicht mehr geändert werden. Korrekturen beschließt das Gremium in einer späteren Sitzung.");
        }
        if (string.IsNullOrWhiteSpace(publicText))
        {
            throw new MeetingException("Der öffentliche Teil der Niederschrift darf nicht leer sein.");
        }
        PublicText = publicText.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        NonPublicText = string.IsNullOrWhiteSpace(nonPublicText) ? null : nonPublicText.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }

    /// <summary>Signature of the chair (Bürgermeister or committee chair).</summary>
    public void SignAsChair(string? name, DateTime now)
    {
        EnsureSignable(name, ChairSignedAt, MinuteTakerName);
        ChairName = name!.Trim();
        ChairSignedAt = now;
    }

    /// <summary>Signature of the minute-taker (Schriftführer), who alone decides the content.</summary>
    public void SignAsMinuteTaker(string? name, DateTime now)
    {
        EnsureSignable(name, MinuteTakerSignedAt, ChairName);
        MinuteTakerName = name!.Trim();
        MinuteTakerSignedAt = now;
    }

    public void Publish(DateTime now)
    {
        if (Status == MinutesStatus.Published)
        {
            throw new MeetingException("Die Niederschrift ist bereits veröffentlicht.");
        }
        if (Status != MinutesStatus.FullySigned)
        {
            throw new MeetingException("Die Niederschrift wird erst veröffentlicht, wenn Vorsitz und Schriftführung unterschrieben haben.");
        }
        PublishedAt = now;
    }

    /// <summary>
    /// A correction the body resolved in <paramref name="later"/> (§ 52 GO NRW: signed minutes are not
    /// amended, the correction goes into a later meeting), pointing back to these minutes. It is a
    /// resolution of a held meeting, so it is public from the moment it is recorded.
    /// </summary>
    public Minutes Correction(Meeting later, string? text, DateTime now)
    {
        if (Status != MinutesStatus.Published || CorrectsId is not null || Corrects is not null)
        {
            throw new MeetingException("Nur eine veröffentlichte Niederschrift kann durch Beschluss berichtigt werden; einen Entwurf ändern Sie direkt.");
        }
        if (later.Start is null || Meeting.Start is null || later.Start <= Meeting.Start)
        {
            throw new MeetingException("Die Berichtigung beschließt das Gremium in einer späteren Sitzung.");
        }
        if (later.MeetingState != MeetingState.Held)
        {
            throw new MeetingException("Die Berichtigung wird erfasst, wenn die Sitzung stattgefunden hat, in der das Gremium sie beschlossen hat.");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new MeetingException("Bitte geben Sie den Text der Berichtigung an.");
        }
        return new Minutes
        {
            Meeting = later,
            MeetingId = later.Id,
            Corrects = this,
            CorrectsId = Id,
            PublicText = $"Berichtigung der Niederschrift vom {Berlin.ToLocal(Meeting.Start.Value).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}:\n{text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()}",
            PublishedAt = now,
        };
    }

    private void EnsureSignable(string? name, DateTime? alreadySigned, string? otherSigner)
    {
        if (Status == MinutesStatus.Published)
        {
            throw new MeetingException("Die Niederschrift ist veröffentlicht und damit abgeschlossen.");
        }
        if (alreadySigned is not null)
        {
            throw new MeetingException("Diese Unterschrift liegt bereits vor.");
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new MeetingException("Bitte geben Sie den Namen der unterschreibenden Person an.");
        }
        if (otherSigner is not null && string.Equals(otherSigner.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new MeetingException("Vorsitz und Schriftführung unterschreiben als zwei verschiedene Personen.");
        }
    }

    private static string Text(Meeting meeting, IEnumerable<AgendaItem> items, IReadOnlyCollection<Attendance> attendance, bool withAttendance)
    {
        var text = new StringBuilder();
        if (withAttendance)
        {
            var start = meeting.Start is { } s ? Berlin.ToLocal(s).ToString("dd.MM.yyyy, HH:mm", CultureInfo.InvariantCulture) + " Uhr" : "";
            text.Append(CultureInfo.InvariantCulture, $"Niederschrift über die {meeting.Name} am {start}\n\n");
            foreach (var group in attendance.OrderBy(a => a.Status).ThenBy(a => a.Person?.FamilyName ?? a.Person?.Name, StringComparer.Ordinal).GroupBy(a => a.Status))
            {
                text.Append(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(group.Key.ToGerman()[0])}{group.Key.ToGerman()[1..]}:\n");
                foreach (var a in group)
                {
                    text.Append(CultureInfo.InvariantCulture, $"- {a.Person?.Name}{Times(a)}\n");
                }
            }
            text.Append('\n');
        }
        foreach (var item in items)
        {
            text.Append(CultureInfo.InvariantCulture, $"{item.Number} {item.Name}\n");
            if (item.Conflicts.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"Wegen Befangenheit nicht beteiligt: {string.Join(", ", item.Conflicts.Select(c => c.Person?.Name ?? c.PersonId.ToString(CultureInfo.InvariantCulture)))}\n");
            }
            if (item.ResolutionText is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"Beschluss: {item.ResolutionText}\n");
            }
            if (item.Result is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"Ergebnis: {item.Result}");
                if (item.VotesYes is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $" ({item.VotesYes} Ja, {item.VotesNo} Nein, {item.VotesAbstain} Enthaltungen{(item.IsRollCall ? ", namentliche Abstimmung" : "")})");
                }
                text.Append('\n');
            }
            text.Append('\n');
        }
        return text.ToString().TrimEnd();
    }

    private static string Times(Attendance a) =>
        (a.ArrivedAt is { } arrived ? $", ab {Berlin.ToLocal(arrived).ToString("HH:mm", CultureInfo.InvariantCulture)} Uhr" : "")
        + (a.LeftAt is { } left ? $", bis {Berlin.ToLocal(left).ToString("HH:mm", CultureInfo.InvariantCulture)} Uhr" : "");
}

public enum MinutesStatus
{
    Draft,
    PartlySigned,
    FullySigned,
    Published,
}

public static class MinutesStatusNames
{
    public static string ToGerman(this MinutesStatus status) => status switch
    {
        MinutesStatus.Draft => "Entwurf",
        MinutesStatus.PartlySigned => "teilweise unterschrieben",
        MinutesStatus.FullySigned => "unterschrieben",
        MinutesStatus.Published => "veröffentlicht",
    };
}
