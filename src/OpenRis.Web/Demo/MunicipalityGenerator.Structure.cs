using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Model;

namespace OpenRis.Web.Demo;

public sealed partial class MunicipalityGenerator
{
    private enum OrgRole
    {
        Council,
        Committee,
        District,
        Faction,
        Mayor,
        Department,
        Office,
    }

    private sealed class OrgInfo(Organization entity, OrgRole role)
    {
        public Organization Entity { get; } = entity;
        public OrgRole Role { get; } = role;

        /// <summary>Factions: the label used in titles ("CDU-Fraktion"), the party's share of seats.</summary>
        public string Label { get; init; } = entity.ShortName ?? entity.Name;
        public double Weight { get; init; } = 1;

        /// <summary>Gremien: weekday, hour and room of their meetings.</summary>
        public DayOfWeek Weekday { get; init; } = DayOfWeek.Tuesday;
        public int Hour { get; init; } = 17;
        public Location? Room { get; init; }

        public List<MemberSpan> Members { get; } = [];
        public List<int> Meetings { get; } = [];
        public bool HoldsMeetings => Role is OrgRole.Council or OrgRole.Committee or OrgRole.District;
    }

    private readonly record struct MemberSpan(int Person, DateOnly Start, DateOnly? End, string Role, int OnBehalfOf)
    {
        public bool ActiveOn(DateOnly day) => Start <= day && (End is null || day <= End);
    }

    private sealed class PersonInfo(Person entity, bool female)
    {
        public Person Entity { get; } = entity;
        public bool Female { get; } = female;
    }

    private sealed class TermInfo(LegislativeTerm entity, bool current)
    {
        public LegislativeTerm Entity { get; } = entity;
        public DateOnly Start => Entity.StartDate!.Value;
        public DateOnly End => Entity.EndDate!.Value;
        public bool Current { get; } = current;

        /// <summary>The end date of a membership for the whole term: open while the term runs.</summary>
        public DateOnly? MembershipEnd => Current ? null : End;

        public Dictionary<int, int> Seats { get; } = [];
        public Dictionary<int, int> Chairs { get; } = [];
        public int Mayor { get; set; }
    }

    private readonly List<OrgInfo> _orgs = [];
    private readonly List<PersonInfo> _persons = [];
    private readonly List<TermInfo> _terms = [];
    private readonly HashSet<string> _personNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _kindIds = [];
    private readonly List<(long Id, ImpactCheck Check)> _checks = [];
    private Body _body = null!;
    private long _bodyId;
    private string _ags = "";
    private string _town = "";
    private int _council;
    private int _mayorOffice;
    private readonly List<int> _committees = [];
    private readonly List<int> _districts = [];
    private readonly List<int> _offices = [];

    /// <summary>"Size" of the town relative to one with 1000 papers; structure grows with its square root.</summary>
    private double Scale => Math.Sqrt(_options.Papers / 1000.0);

    private async Task BuildStructureAsync(CancellationToken cancellationToken)
    {
        Report("Struktur", 0, 1);
        await CataloguesAsync(cancellationToken);
        _town = TownName(_options.Name);
        _ags = await NewAgsAsync(cancellationToken);
        _body = new Body
        {
            Name = _options.Name,
            ShortName = _town,
            Website = $"https://www.{Slug(_town)}.example/",
            License = License,
            Ags = _ags,
            Rgs = string.Concat(_ags.AsSpan(0, 5), "0000", _ags.AsSpan(5)),
            Classification = _ags.EndsWith("000", StringComparison.Ordinal) ? "Kreisfreie Stadt" : "Kreisangehörige Stadt",
            ContactEmail = $"ratsbuero@{Slug(_town)}.example",
            ContactName = "Ratsbüro (generierte Daten)",
        };
        _db.Bodies.Add(_body);
        var townHall = AddLocation("Rathaus", "Rathaus", $"Rathausplatz {_random.Next(1, 20)}", null);
        await _db.SaveChangesAsync(cancellationToken);
        _bodyId = _body.Id;
        _body.LocationId = townHall.Id;

        Terms();
        Organizations(townHall);
        foreach (var term in _terms)
        {
            Council(term);
            CommitteeSeats(term);
            Districts(term);
        }
        await _db.SaveChangesAsync(cancellationToken);
        _db.ChangeTracker.Clear();
        Report("Struktur", 1, 1);
    }

    /// <summary>Paper kinds and impact checks are one catalogue per installation: reuse it, add what is missing.</summary>
    private async Task CataloguesAsync(CancellationToken cancellationToken)
    {
        if (!await _db.Systems.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            _db.Systems.Add(new OParlSystem { Name = "OpenRIS", License = License, ContactEmail = "opendata@example.org", ContactName = "OpenRIS" });
        }
        var kinds = await _db.PaperKinds.ToListAsync(cancellationToken);
        foreach (var kind in DemoMunicipality.DefaultPaperKinds().Where(k => kinds.All(e => e.Key != k.Key)))
        {
            _db.PaperKinds.Add(kind);
            kinds.Add(kind);
        }
        var checks = await _db.ImpactChecks.ToListAsync(cancellationToken);
        foreach (var check in DemoMunicipality.DefaultImpactChecks().Where(c => checks.All(e => e.Key != c.Key)))
        {
            _db.ImpactChecks.Add(check);
            checks.Add(check);
        }
        await _db.SaveChangesAsync(cancellationToken);
        foreach (var kind in kinds)
        {
            _kindIds[kind.Key] = kind.Id;
        }
        _checks.AddRange(checks.Where(c => c.Active && c.Options.Count > 0).OrderBy(c => c.SortOrder).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Id, c)));
    }

    private static string TownName(string name)
    {
        var town = name;
        var bracket = town.IndexOf(" (", StringComparison.Ordinal);
        if (bracket > 0)
        {
            town = town[..bracket];
        }
        foreach (var prefix in new[] { "Stadt ", "Gemeinde ", "Markt ", "Hansestadt ", "Landeshauptstadt " })
        {
            if (town.StartsWith(prefix, StringComparison.Ordinal) && town.Length > prefix.Length)
            {
                return town[prefix.Length..];
            }
        }
        return town;
    }

    private static string Slug(string text) =>
        new(text.ToLowerInvariant().Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal).Where(char.IsAsciiLetterOrDigit).ToArray());

    /// <summary>A made-up Amtlicher Gemeindeschlüssel (Land, Regierungsbezirk, Kreis, Gemeinde) no other body has.</summary>
    private async Task<string> NewAgsAsync(CancellationToken cancellationToken)
    {
        int[] lands = [1, 3, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16];
        var taken = await _db.Bodies.IgnoreQueryFilters().Where(b => b.Ags != null).Select(b => b.Ags!).ToListAsync(cancellationToken);
        while (true)
        {
            var municipality = _options.Papers >= 20_000 ? 0 : _random.Next(1, 1000);
            var ags = string.Create(CultureInfo.InvariantCulture, $"{Pick(lands):00}{_random.Next(0, 10)}{_random.Next(11, 100):00}{municipality:000}");
            if (!taken.Contains(ags))
            {
                return ags;
            }
        }
    }

    private Location AddLocation(string description, string? room, string street, string? subLocality)
    {
        var location = new Location
        {
            Body = _body,
            Description = description,
            Room = room,
            StreetAddress = street,
            PostalCode = string.Create(CultureInfo.InvariantCulture, $"{_ags.AsSpan(0, 2)}{_random.Next(100, 1000)}"),
            SubLocality = subLocality,
            Locality = _town,
        };
        _db.Locations.Add(location);
        _locations++;
        return location;
    }

    /// <summary>Five-year terms starting 1 November (NRW); the last one runs on "today".</summary>
    private void Terms()
    {
        var count = Math.Clamp((int)Math.Round(1 + Scale), 2, 6);
        var currentStart = new DateOnly(2025, 11, 1);
        while (currentStart > _options.Today)
        {
            currentStart = currentStart.AddYears(-5);
        }
        while (currentStart.AddYears(5) <= _options.Today)
        {
            currentStart = currentStart.AddYears(5);
        }
        for (var i = count - 1; i >= 0; i--)
        {
            var start = currentStart.AddYears(-5 * i);
            var end = start.AddYears(5).AddDays(-1);
            var entity = new LegislativeTerm { Body = _body, Name = $"Wahlperiode {start.Year}–{end.Year}", StartDate = start, EndDate = end };
            _db.LegislativeTerms.Add(entity);
            _terms.Add(new TermInfo(entity, current: i == 0));
        }
    }

    private int AddOrganization(OrgInfo info)
    {
        info.Entity.Body = _body;
        _db.Organizations.Add(info.Entity);
        _orgs.Add(info);
        return _orgs.Count - 1;
    }

    private Organization Gremium(string name, string shortName, string classification, Location? location, params List<string> posts) => new()
    {
        Name = name,
        ShortName = shortName,
        OrganizationType = Organization.TypeCommittee,
        Classification = classification,
        StartDate = _terms[0].Start,
        Location = location,
        Post = posts,
    };

    private void Organizations(Location townHall)
    {
        var councilChamber = AddLocation("Ratssaal im Rathaus", "Ratssaal", townHall.StreetAddress!, null);
        Location[] rooms = [AddLocation("Sitzungssaal A im Rathaus", "Sitzungssaal A", townHall.StreetAddress!, null),
            AddLocation("Sitzungssaal B im Rathaus", "Sitzungssaal B", townHall.StreetAddress!, null)];

        _council = AddOrganization(new OrgInfo(Gremium($"Rat der Stadt {_town}", "Rat", "Parlament", townHall, "Vorsitz", "Mitglied"), OrgRole.Council)
        {
            Weekday = DayOfWeek.Thursday,
            Hour = 15,
            Room = councilChamber,
        });
        DayOfWeek[] weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday];
        var committees = Math.Clamp((int)Math.Round(7 * Scale), 5, Committees.Length);
        for (var i = 0; i < committees; i++)
        {
            var (name, shortName, classification) = Committees[i];
            var entity = Gremium(name, shortName, classification, null, "Vorsitz", "Stellvertretender Vorsitz", "Mitglied");
            entity.SubOrganizationOf = _orgs[_council].Entity;
            _committees.Add(AddOrganization(new OrgInfo(entity, OrgRole.Committee) { Weekday = weekdays[i % 4], Hour = 17, Room = rooms[i % 2] }));
        }
        var districts = Math.Clamp((int)Math.Round(3 * Scale), 2, DistrictNames.Length);
        for (var i = 0; i < districts; i++)
        {
            var district = DistrictNames[i];
            var office = AddLocation($"Bezirksverwaltungsstelle {district}", "Sitzungsraum", $"{Pick(FamilyNames)}straße {_random.Next(1, 120)}", district);
            var entity = Gremium($"Bezirksvertretung {district}", $"BV {district}", "Bezirksvertretung", office, "Bezirksbürgermeister", "Mitglied");
            _districts.Add(AddOrganization(new OrgInfo(entity, OrgRole.District) { Weekday = weekdays[(i + 1) % 4], Hour = 18, Room = office }));
        }

        Factions();

        _mayorOffice = AddOrganization(new OrgInfo(new Organization
        {
            Name = "Oberbürgermeister",
            ShortName = "OB",
            OrganizationType = Organization.TypeAdministration,
            Classification = "Verwaltungsspitze",
            Location = townHall,
        }, OrgRole.Mayor));
        var offices = Offices.Take(Math.Clamp((int)Math.Round(6 * Scale), 5, Offices.Length)).OrderBy(o => o.Number).ToList();
        var departments = new Dictionary<int, int>();
        foreach (var number in offices.Select(o => o.Department).Distinct().Order())
        {
            departments[number] = AddOrganization(new OrgInfo(new Organization
            {
                Name = $"Fachbereich {number} – {Departments[number]}",
                ShortName = $"FB {number}",
                OrganizationType = Organization.TypeAdministration,
                Classification = "Fachbereich",
                SubOrganizationOf = _orgs[_mayorOffice].Entity,
            }, OrgRole.Department));
        }
        foreach (var (number, name, department) in offices)
        {
            _offices.Add(AddOrganization(new OrgInfo(new Organization
            {
                Name = $"Amt {number} – {name}",
                ShortName = number.ToString(CultureInfo.InvariantCulture),
                OrganizationType = Organization.TypeAdministration,
                Classification = "Amt",
                SubOrganizationOf = _orgs[departments[department]].Entity,
            }, OrgRole.Office)));
        }
        foreach (var department in departments.Values)
        {
            var head = NewPerson("Beigeordnete", "Beigeordneter");
            Member(head, department, "Fachbereichsleitung", _terms[0].Start, null);
        }
    }

    /// <summary>Core parties sit in every term; the others enter in some term and may leave again.</summary>
    private void Factions()
    {
        foreach (var party in Parties)
        {
            var first = party.Core ? 0 : _random.Next(0, _terms.Count + 1);
            var last = party.Core ? _terms.Count - 1 : first + _random.Next(0, _terms.Count);
            if (first >= _terms.Count)
            {
                continue;
            }
            last = Math.Min(last, _terms.Count - 1);
            var faction = AddOrganization(new OrgInfo(new Organization
            {
                Name = party.Name.Replace("{0}", _town, StringComparison.Ordinal),
                ShortName = party.ShortName,
                OrganizationType = Organization.TypeFaction,
                Classification = "Fraktion",
                StartDate = _terms[first].Start,
                EndDate = last == _terms.Count - 1 ? null : _terms[last].End,
                Post = ["Fraktionsvorsitz", "Stellvertretender Fraktionsvorsitz", "Mitglied"],
            }, OrgRole.Faction)
            { Label = party.Label, Weight = party.Weight });
            for (var t = first; t <= last; t++)
            {
                _terms[t].Seats[faction] = 0;
            }
        }
    }
}
