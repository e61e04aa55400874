using OpenRis.Web.Model;

namespace OpenRis.Web.Demo;

internal sealed partial class DemoBuilder
{
    public Dictionary<string, AgendaItem> Items { get; } = [];

    private void Meetings(Location townHall)
    {
        var councilChamber = new Location { Body = Body, Description = "Ratssaal, Rathaus an der Volme", Room = "Ratssaal", StreetAddress = "Rathausstraße 13", PostalCode = "58095", Locality = "Hagen" };

        CouncilDecember2017 = Meeting("Sitzung des Rates der Stadt Hagen", Council, DemoMunicipality.Local(2017, 12, 14, 15), councilChamber);
        Agenda(CouncilDecember2017, "rat-2017-12",
            ("I.1", "Eröffnung der Sitzung und Feststellung der Beschlussfähigkeit", true),
            ("I.2", "Einwohnerfragestunde", true),
            ("I.3", "Anfragen", true),
            ("I.3.1", "Anfrage der Fraktion Hagen Aktiv – hier: Stabsstelle Digitalisierung", true),
            ("II.1", "Personalangelegenheit", false));

        Habit20September2018 = Meeting("Sitzung des Betriebsausschusses HABIT", HabitCommittee, DemoMunicipality.Local(2018, 9, 20, 16), townHall);
        Agenda(Habit20September2018, "habit-2018-09-20",
            ("1", "Eröffnung der Sitzung", true),
            ("2", "Mitteilungen", true),
            ("3", "Einrichtung einer Task Force Digitalisierung im VB 2", true),
            ("4", "Bericht über aktuelle Projekte und Maßnahmen im Bereich Digitalisierung und E-Government", true),
            ("5", "Vergabe eines IT-Rahmenvertrags", false));

        Council27September2018 = Meeting("Sitzung des Rates der Stadt Hagen", Council, DemoMunicipality.Local(2018, 9, 27, 15), councilChamber);
        Agenda(Council27September2018, "rat-2018-09-27",
            ("I.1", "Eröffnung der Sitzung und Feststellung der Beschlussfähigkeit", true),
            ("I.2", "Einwohnerfragestunde", true),
            ("I.3", "Mitteilungen", true),
            ("I.4", "Anfragen", true),
            ("I.4.1", "Anfrage der Fraktion Hagen Aktiv – hier: E-Government - Digitalisierungsstrategie", true),
            ("I.5", "Anträge", true),
            ("I.6", "Bekanntgabe der in nichtöffentlicher Sitzung gefassten Beschlüsse", true),
            ("II.1", "Grundstücksangelegenheit: Verkauf einer Teilfläche in der Gemarkung Hagen", false),
            ("II.2", "Personalangelegenheit", false));
    }

    private Meeting Meeting(string name, Organization organization, DateTime startUtc, Location location)
    {
        var meeting = new Meeting
        {
            Body = Body,
            Name = name,
            Start = startUtc,
            End = startUtc.AddHours(3),
            MeetingState = MeetingState.Held,
            Location = location,
        };
        meeting.Organizations.Add(new MeetingOrganization { Meeting = meeting, Organization = organization, Position = 0 });
        db.Meetings.Add(meeting);
        return meeting;
    }

    private void Agenda(Meeting meeting, string key, params (string Number, string Name, bool Public)[] items)
    {
        // Replaying the case: its agenda item is added by the workflow on publication.
        items = WithOpenCase ? items : items.Where(i => !i.Name.Contains("Digitalisierungsstrategie", StringComparison.Ordinal)).ToArray();
        for (var order = 0; order < items.Length; order++)
        {
            var item = new AgendaItem
            {
                Body = Body,
                Meeting = meeting,
                Order = order,
                Number = items[order].Number,
                Name = items[order].Name,
                Public = items[order].Public,
            };
            db.AgendaItems.Add(item);
            Items[$"{key}/{items[order].Number}"] = item;
        }
    }
}
