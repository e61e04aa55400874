using System.Text.Json;

namespace OpenRis.Web.Model;

/// <summary>
/// One published version of a meeting's agenda: the first is the agenda sent with the invitation,
/// every later one a Nachtrag. Kept unchanged, so that what members received can be shown later.
/// </summary>
public sealed class AgendaVersion
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public Meeting Meeting { get; set; } = null!;

    /// <summary>1 = Tagesordnung, 2 = 1. Nachtrag …</summary>
    public int Number { get; set; }

    public DateTime PublishedAt { get; set; }

    /// <summary>The items as published, as JSON (<see cref="Entry"/> rows), non-public ones included.</summary>
    public string Snapshot { get; set; } = "[]";

    public string Title => Number == 1 ? "Tagesordnung" : $"{Number - 1}. Nachtrag zur Tagesordnung";

    public sealed record Entry(string? Number, string Name, bool Public, int? Addendum);

    public List<Entry> Entries() => JsonSerializer.Deserialize<List<Entry>>(Snapshot) ?? [];
}

public sealed partial class Meeting
{
    /// <summary>
    /// Publishes the current agenda as a new version (the first, or a Nachtrag); refused when
    /// nothing changed since the last published version.
    /// </summary>
    public AgendaVersion PublishAgenda(DateTime now)
    {
        EnsureAgendaEditable();
        var entries = OrderedItems().Select(i => new AgendaVersion.Entry(i.Number, i.Name, i.Public, i.AddendumNumber)).ToList();
        if (entries.Count == 0)
        {
            throw new MeetingException("Die Tagesordnung ist leer. Bitte erstellen Sie zuerst die Tagesordnung.");
        }
        var snapshot = JsonSerializer.Serialize(entries);
        var last = AgendaVersions.MaxBy(v => v.Number);
        if (last is not null && last.Snapshot == snapshot)
        {
            throw new MeetingException($"Die Tagesordnung ist seit der Veröffentlichung ({last.Title}) unverändert.");
        }
        var version = new AgendaVersion { Meeting = this, MeetingId = Id, Number = (last?.Number ?? 0) + 1, PublishedAt = now, Snapshot = snapshot };
        AgendaVersions.Add(version);
        return version;
    }
}
