using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Demo;

/// <summary>Builds the demo step by step, keeping the objects later steps link to.</summary>
internal sealed partial class DemoBuilder(RisDbContext db)
{
    private const string License = "https://creativecommons.org/licenses/by/4.0/";

    public Body Body { get; private set; } = null!;
    public Organization Council { get; private set; } = null!;
    public Organization HabitCommittee { get; private set; } = null!;
    public Organization HagenAktiv { get; private set; } = null!;
    public Organization Cdu { get; private set; } = null!;
    public Organization Spd { get; private set; } = null!;
    public Organization Greens { get; private set; } = null!;
    public Organization Mayor { get; private set; } = null!;
    public Organization Office11 { get; private set; } = null!;
    public Organization Habit { get; private set; } = null!;
    public Person Schulz { get; private set; } = null!;
    public Person Buecker { get; private set; } = null!;
    public Person NigburMartini { get; private set; } = null!;
    public Meeting CouncilDecember2017 { get; private set; } = null!;
    public Meeting Habit20September2018 { get; private set; } = null!;
    public Meeting Council27September2018 { get; private set; } = null!;
    public Dictionary<string, PaperKind> Kinds { get; } = [];
    public Dictionary<string, ImpactCheck> Checks { get; } = [];

    /// <summary>The body's seat, set once both rows exist (Body and Location point at each other).</summary>
    public void SeatOfBody() => Body.Location = db.Locations.Local.First(l => l.Description == "Rathaus an der Volme");

    public void Structure()
    {
        db.Systems.Add(new OParlSystem
        {
            Name = "OpenRIS – Demo Stadt Hagen",
            ContactEmail = "opendata@example.org",
            ContactName = "OpenRIS-Demo",
            License = License,
        });

        var townHall = new Location
        {
            Description = "Rathaus an der Volme",
            StreetAddress = "Rathausstraße 13",
            PostalCode = "58095",
            Locality = "Hagen",
            GeoJson = """{"type":"Feature","geometry":{"type":"Point","coordinates":[7.4731,51.3594]},"properties":{}}""",
        };
        Body = new Body
        {
            Name = "Stadt Hagen",
            ShortName = "Hagen",
            Website = "https://www.hagen.de/",
            License = License,
            Ags = "05914000",
            Rgs = "059140000000",
            Classification = "Kreisfreie Stadt",
            ContactEmail = "opendata@example.org",
            ContactName = "Ratsbüro (Demo)",
            Equivalent = ["https://de.wikipedia.org/wiki/Hagen"],
        };
        townHall.Body = Body;
        db.Bodies.Add(Body);
        db.Locations.Add(townHall);
        db.LegislativeTerms.AddRange(
            new LegislativeTerm { Body = Body, Name = "Wahlperiode 2014–2020", StartDate = new(2014, 6, 1), EndDate = new(2020, 10, 31) },
            new LegislativeTerm { Body = Body, Name = "Wahlperiode 2020–2025", StartDate = new(2020, 11, 1), EndDate = new(2025, 10, 31) });

        foreach (var kind in DemoMunicipality.DefaultPaperKinds())
        {
            Kinds[kind.Key] = kind;
            db.PaperKinds.Add(kind);
        }
        foreach (var check in DemoMunicipality.DefaultImpactChecks())
        {
            Checks[check.Key] = check;
            db.ImpactChecks.Add(check);
        }
        DeadlineRules();

        Organizations(townHall);
        People();
        Meetings(townHall);
    }

    private void Organizations(Location townHall)
    {
        Council = Add(new Organization { Name = "Rat der Stadt Hagen", ShortName = "Rat", OrganizationType = Organization.TypeCommittee, Classification = "Parlament", Location = townHall, Post = ["Vorsitz", "Mitglied"] });
        HabitCommittee = Add(new Organization { Name = "Betriebsausschuss HABIT", ShortName = "BA HABIT", OrganizationType = Organization.TypeCommittee, Classification = "Betriebsausschuss", SubOrganizationOf = Council, Post = ["Vorsitz", "Mitglied", "Stellvertretung"] });
        HagenAktiv = Add(new Organization { Name = "Fraktion Hagen Aktiv im Rat der Stadt Hagen", ShortName = "Hagen Aktiv", OrganizationType = Organization.TypeFaction, Classification = "Fraktion", Website = "http://www.fraktion-hagen-aktiv.de", Post = ["Fraktionsvorsitz", "Fraktionsgeschäftsführung", "Mitglied"] });
        Cdu = Add(new Organization { Name = "CDU-Fraktion im Rat der Stadt Hagen", ShortName = "CDU", OrganizationType = Organization.TypeFaction, Classification = "Fraktion" });
        Spd = Add(new Organization { Name = "SPD-Fraktion im Rat der Stadt Hagen", ShortName = "SPD", OrganizationType = Organization.TypeFaction, Classification = "Fraktion" });
        Greens = Add(new Organization { Name = "Fraktion Bündnis 90/Die Grünen im Rat der Stadt Hagen", ShortName = "Grüne", OrganizationType = Organization.TypeFaction, Classification = "Fraktion" });
        Mayor = Add(new Organization { Name = "Oberbürgermeister", ShortName = "OB", OrganizationType = Organization.TypeAdministration, Classification = "Verwaltungsspitze" });
        Office11 = Add(new Organization { Name = "Amt 11", ShortName = "11", OrganizationType = Organization.TypeAdministration, Classification = "Amt", SubOrganizationOf = Mayor });
        Habit = Add(new Organization { Name = "Hagener Betrieb für Informationstechnologie (HABIT)", ShortName = "HABIT", OrganizationType = Organization.TypeAdministration, Classification = "Eigenbetrieb", SubOrganizationOf = Mayor });
    }

    private Organization Add(Organization organization)
    {
        organization.Body = Body;
        organization.StartDate ??= organization.OrganizationType == Organization.TypeAdministration ? null : new DateOnly(2014, 6, 1);
        db.Organizations.Add(organization);
        return organization;
    }

    private void People()
    {
        var term = new DateOnly(2014, 6, 1);
        Schulz = Person("Erik O. Schulz", "Erik O.", "Schulz", fictitious: false, formOfAddress: "Herr", status: ["Oberbürgermeister"]);
        Member(Schulz, Council, "Vorsitz", term, votingRight: true);
        Member(Schulz, Mayor, "Oberbürgermeister", term);

        Buecker = Person("Dr. Josef Bücker", "Josef", "Bücker", fictitious: false, formOfAddress: "Herr", title: ["Dr."], status: ["Ratsmitglied"]);
        Member(Buecker, Council, "Mitglied", term, votingRight: true, onBehalfOf: HagenAktiv);
        Member(Buecker, HagenAktiv, "Fraktionsvorsitzender", term);
        Member(Buecker, HabitCommittee, "Mitglied", term, votingRight: true, onBehalfOf: HagenAktiv);

        NigburMartini = Person("Karin Nigbur-Martini", "Karin", "Nigbur-Martini", fictitious: false, formOfAddress: "Frau", status: ["Fraktionsgeschäftsführerin"]);
        Member(NigburMartini, HagenAktiv, "Fraktionsgeschäftsführerin", term, votingRight: false);

        // Invented members, so that the bodies have their factions; the UI marks them as demo data.
        (string Name, string Given, string Family, string FormOfAddress, Organization Faction, bool Habit)[] members =
        [
            ("Martina Kessler", "Martina", "Kessler", "Frau", HagenAktiv, false),
            ("Thomas Brandt", "Thomas", "Brandt", "Herr", Cdu, true),
            ("Sabine Vogel", "Sabine", "Vogel", "Frau", Cdu, false),
            ("Peter Lindner", "Peter", "Lindner", "Herr", Cdu, false),
            ("Claudia Reuter", "Claudia", "Reuter", "Frau", Spd, true),
            ("Michael Hoffmann", "Michael", "Hoffmann", "Herr", Spd, false),
            ("Jutta Engel", "Jutta", "Engel", "Frau", Spd, false),
            ("Nicole Sommer", "Nicole", "Sommer", "Frau", Greens, true),
            ("Jan Krüger", "Jan", "Krüger", "Herr", Greens, false),
        ];
        foreach (var m in members)
        {
            var person = Person(m.Name, m.Given, m.Family, fictitious: true, formOfAddress: m.FormOfAddress, status: ["Ratsmitglied"]);
            Member(person, Council, "Mitglied", term, votingRight: true, onBehalfOf: m.Faction);
            Member(person, m.Faction, "Mitglied", term);
            if (m.Habit)
            {
                Member(person, HabitCommittee, "Mitglied", term, votingRight: true, onBehalfOf: m.Faction);
            }
        }
    }

    private Person Person(string name, string given, string family, bool fictitious, string? formOfAddress = null, List<string>? title = null, List<string>? status = null)
    {
        var person = new Person
        {
            Body = Body,
            Name = name,
            GivenName = given,
            FamilyName = family,
            FormOfAddress = formOfAddress,
            Title = title ?? [],
            Status = status ?? [],
            IsFictitious = fictitious,
        };
        db.Persons.Add(person);
        return person;
    }

    private void Member(Person person, Organization organization, string role, DateOnly start, bool? votingRight = null, Organization? onBehalfOf = null) =>
        db.Memberships.Add(new Membership
        {
            Body = Body,
            Person = person,
            Organization = organization,
            Role = role,
            VotingRight = votingRight,
            StartDate = start,
            EndDate = new DateOnly(2020, 10, 31),
            OnBehalfOf = onBehalfOf,
        });
}
