using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Model;

namespace OpenRis.Web.Import.OParl;

internal sealed partial class OParlImporter
{
    private const string DefaultPaperType = "Vorlage";

    private readonly Dictionary<string, PaperKind> _kinds = new(StringComparer.Ordinal);

    // Drucksachennummern are unique per body in our model; a source that repeats one keeps only the first.
    private Dictionary<(long Body, string Reference), object>? _references;

    private async Task PaperAsync(JsonObject json, long bodyId, CancellationToken ct)
    {
        var paper = await ResolveAsync<Paper>("paper", json, false, id => PapersToFill().FirstOrDefaultAsync(p => p.Id == id, ct));
        if (paper is null)
        {
            return;
        }
        var url = OParlValues.Id(json)!;
        paper.BodyId = bodyId;
        paper.Name = _values.Text(json, "name", 1000) ?? _values.Text(json, "reference") ?? "";
        paper.Reference = await ReferenceAsync(bodyId, paper, _values.Text(json, "reference"), url, ct);
        paper.Date = _values.Date(json, "date");
        var kind = await KindAsync(_values.Text(json, "paperType", 200) ?? DefaultPaperType, ct);
        if (kind.Id > 0)
        {
            paper.PaperKindId = kind.Id;
        }
        else
        {
            paper.Kind = kind;
        }
        // Imported from a public endpoint: published and public.
        paper.Status = PaperStatus.Published;
        paper.Public = true;
        SetIfDifferent(paper.Keyword, _values.Texts(json, "keyword"));
        Defer("paper", url, "superordinatedPaper", _values.Links(json, "superordinatedPaper").FirstOrDefault());
        foreach (var related in _values.Links(json, "relatedPaper"))
        {
            Defer("paper", url, "relatedPaper", related);
        }
        var leads = Ids<Organization>(_values.Links(json, "underDirectionOf"), "underDirectionOf");
        if (!paper.Offices.Where(o => o.Role == OfficeRole.Lead).Select(o => o.OrganizationId).Order().SequenceEqual(leads.Order()))
        {
            paper.Offices.RemoveAll(o => o.Role == OfficeRole.Lead || leads.Contains(o.OrganizationId));
            paper.Offices.AddRange(leads.Select(id => new PaperOffice { OrganizationId = id, Role = OfficeRole.Lead }));
        }

        SetMany(paper.OriginatorPersons, Ids<Person>(_values.Links(json, "originatorPerson"), "originatorPerson"), PersonStub);
        SetMany(paper.OriginatorOrganizations, Ids<Organization>(_values.Links(json, "originatorOrganization"), "originatorOrganization"), OrganizationStub);

        var files = new List<JsonObject>();
        if (json["mainFile"] is JsonObject main)
        {
            files.Add(main);
            await FileAsync(main, bodyId, FileRole.Main, null, null, paper, ct);
        }
        var auxiliary = _values.Objects(json, "auxiliaryFile");
        if (json["mainFile"] is null && auxiliary.Count > 0)
        {
            // Somacos publishes the paper's text as an auxiliary file only; kept as it came.
            _report.Defect("paper-without-mainfile", url);
        }
        foreach (var file in auxiliary)
        {
            files.Add(file);
            await FileAsync(file, bodyId, FileRole.Auxiliary, null, null, paper, ct);
        }
        RemoveMissing(paper.Files, files, "file");

        var consultations = _values.Objects(json, "consultation");
        foreach (var consultation in consultations)
        {
            await ConsultationAsync(consultation, bodyId, paper, standalone: false, ct);
        }
        RemoveMissing(paper.Consultations, consultations, "consultation");

        var locations = new List<Location>();
        foreach (var location in _values.Objects(json, "location"))
        {
            var (id, entity) = await LocationAsync(location, bodyId, standalone: false, ct);
            if (entity is not null)
            {
                locations.Add(entity);
            }
            else if (id > 0)
            {
                locations.Add(LocationStub(id));
            }
        }
        if (!paper.Locations.Select(l => l.Id).Order().SequenceEqual(locations.Select(l => l.Id).Order()) || locations.Any(l => l.Id == 0))
        {
            paper.Locations.Clear();
            paper.Locations.AddRange(locations);
        }
    }

    private async Task<string?> ReferenceAsync(long bodyId, Paper paper, string? reference, string url, CancellationToken ct)
    {
        if (reference is null)
        {
            return null;
        }
        if (reference.Length > 64)
        {
            _report.Defect("value-too-long", $"reference ({reference.Length} Zeichen) {url}");
            return null;
        }
        _references ??= (await _db.Papers.IgnoreQueryFilters().Where(p => p.Reference != null).Select(p => new { p.BodyId, p.Reference, p.Id }).ToListAsync(ct))
            .ToDictionary(p => (p.BodyId, p.Reference!), p => (object)p.Id);
        if (_references.TryGetValue((bodyId, reference), out var owner) && !IsSame(owner, paper))
        {
            _report.Defect("duplicate-reference", $"{reference}: {url}");
            return null;
        }
        // A new paper has no id before the save: the instance itself holds the number.
        _references[(bodyId, reference)] = paper.Id > 0 ? paper.Id : paper;
        return reference;
    }

    private static bool IsSame(object owner, Paper paper) => owner switch
    {
        Paper p => ReferenceEquals(p, paper) || (p.Id > 0 && p.Id == paper.Id),
        long id => id == paper.Id,
        _ => false,
    };

    private async Task<PaperKind> KindAsync(string name, CancellationToken ct)
    {
        if (_kinds.TryGetValue(name, out var kind))
        {
            return kind;
        }
        kind = await _db.PaperKinds.AsNoTracking().FirstOrDefaultAsync(k => k.Name == name, ct);
        if (kind is null)
        {
            // Every municipality names its own kinds; an unknown one is created as it is called there.
            // Saved with the page that first uses it; from then on it is linked by id.
            kind = new PaperKind { Key = KindKey(name), Name = name, FiledBy = PaperOriginator.Administration, SortOrder = 1000 };
            _db.PaperKinds.Add(kind);
        }
        _kinds[name] = kind;
        return kind;
    }

    /// <summary>A stable key from the name; the hash keeps "Antrag" and "antrag" apart.</summary>
    private static string KindKey(string name)
    {
        var slug = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..8];
        return $"oparl-{slug[..Math.Min(48, slug.Length)]}-{hash}";
    }

    private async Task ConsultationAsync(JsonObject json, long bodyId, Paper? paper, bool standalone, CancellationToken ct)
    {
        var url = OParlValues.Id(json);
        if (url is null)
        {
            _report.Defect("object-without-id", "consultation");
            return;
        }
        var paperId = 0L;
        if (paper is null)
        {
            var paperUrl = _values.Link(json, "paper");
            paperId = Target<Paper>(paperUrl).Id;
            if (paperId == 0 && !_known.ContainsKey(url))
            {
                Missing("paper", paperUrl ?? url);
                return;
            }
        }
        var consultation = await ResolveAsync<Consultation>("consultation", json, standalone, id => ConsultationsToFill().FirstOrDefaultAsync(c => c.Id == id, ct));
        if (consultation is null)
        {
            return;
        }
        consultation.BodyId = bodyId;
        if (consultation.Id == 0)
        {
            if (paper is not null)
            {
                consultation.Paper = paper;
            }
            else
            {
                consultation.PaperId = paperId;
            }
        }
        var meetingUrl = _values.Link(json, "meeting");
        var meetingId = Target<Meeting>(meetingUrl).Id;
        consultation.MeetingId = meetingId > 0 ? meetingId : null;
        if (meetingUrl is not null && meetingId == 0)
        {
            Missing("meeting", meetingUrl);
        }
        var itemUrl = _values.Link(json, "agendaItem");
        var itemId = Target<AgendaItem>(itemUrl).Id;
        if (itemUrl is not null && itemId == 0)
        {
            Missing("agendaItem", itemUrl);
        }
        var previousItem = consultation.AgendaItemId;
        consultation.AgendaItemId = itemId > 0 && await AgendaItemFreeAsync(itemId, consultation, ct) ? itemId : consultation.AgendaItemId == itemId ? itemId : null;
        if (previousItem is long released && released != consultation.AgendaItemId && _agendaItemOwners is not null
            && _agendaItemOwners.TryGetValue(released, out var holder) && IsSame(holder, consultation))
        {
            _agendaItemOwners.Remove(released);
        }
        consultation.Authoritative = OParlValues.Boolean(json, "authoritative");
        consultation.Role = _values.Text(json, "role");
        SetIfDifferent(consultation.Keyword, _values.Texts(json, "keyword"));
        SetMany(consultation.Organizations, Ids<Organization>(_values.Links(json, "organization"), "organization"), OrganizationStub);
    }

    // Which consultation holds each agenda item (its id, or the entity while it is new), read once per run.
    private Dictionary<long, object>? _agendaItemOwners;

    /// <summary>An agenda item has one consultation in our model; a source linking two to it keeps the first.</summary>
    private async Task<bool> AgendaItemFreeAsync(long itemId, Consultation consultation, CancellationToken ct)
    {
        if (consultation.AgendaItemId == itemId)
        {
            return true;
        }
        _agendaItemOwners ??= (await _db.Consultations.IgnoreQueryFilters().Where(c => c.AgendaItemId != null).Select(c => new { c.AgendaItemId, c.Id }).ToListAsync(ct))
            .GroupBy(c => c.AgendaItemId!.Value).ToDictionary(g => g.Key, g => (object)g.Min(c => c.Id));
        if (_agendaItemOwners.TryGetValue(itemId, out var owner) && !IsSame(owner, consultation))
        {
            _report.Defect("agendaitem-with-two-consultations", itemId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return false;
        }
        _agendaItemOwners[itemId] = consultation.Id > 0 ? consultation.Id : consultation;
        return true;
    }

    private static bool IsSame(object owner, Consultation consultation) => owner switch
    {
        Consultation c => ReferenceEquals(c, consultation) || (c.Id > 0 && c.Id == consultation.Id),
        long id => id == consultation.Id,
        _ => false,
    };

    /// <summary>After a save the new papers and consultations have ids: the maps keep the ids, not the entities with their graphs.</summary>
    private void ForgetBatchEntities()
    {
        if (_references is not null)
        {
            foreach (var (key, owner) in _references.Where(r => r.Value is Paper).ToList())
            {
                _references[key] = ((Paper)owner).Id;
            }
        }
        if (_agendaItemOwners is not null)
        {
            foreach (var (key, owner) in _agendaItemOwners.Where(r => r.Value is Consultation).ToList())
            {
                _agendaItemOwners[key] = ((Consultation)owner).Id;
            }
        }
    }

    private List<long> Ids<T>(List<string> urls, string what) where T : OParlObject
    {
        var ids = new List<long>();
        foreach (var url in urls.Distinct())
        {
            var id = Target<T>(url).Id;
            if (id > 0)
            {
                ids.Add(id);
            }
            else
            {
                Missing(what, url);
            }
        }
        return ids;
    }

    private static void SetMany<T>(List<T> target, List<long> ids, Func<long, T> stub) where T : OParlObject
    {
        if (target.Select(t => t.Id).Order().SequenceEqual(ids.Order()))
        {
            return;
        }
        target.Clear();
        target.AddRange(ids.Select(stub));
    }

    // Many-to-many links need tracked entities on the other side: stand-ins carrying only the key.
    private Organization OrganizationStub(long id) => Stub(_db.Organizations, id, () => new Organization { Id = id });

    private Person PersonStub(long id) => Stub(_db.Persons, id, () => new Person { Id = id });

    private Location LocationStub(long id) => Stub(_db.Locations, id, () => new Location { Id = id });

    private static T Stub<T>(DbSet<T> set, long id, Func<T> create) where T : OParlObject
    {
        if (set.Local.FindEntry(id)?.Entity is T tracked)
        {
            return tracked;
        }
        var stub = create();
        set.Attach(stub);
        return stub;
    }
}
