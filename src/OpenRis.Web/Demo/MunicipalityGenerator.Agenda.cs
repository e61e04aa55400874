using System.Globalization;
using OpenRis.Web.Model;

namespace OpenRis.Web.Demo;

/// <summary>Agendas in the municipality's numbering, and the results of the items of held meetings.</summary>
public sealed partial class MunicipalityGenerator
{
    /// <summary>
    /// The council numbers "I.4.1" (I public, II closed, sub-items under a heading), the other
    /// bodies "3", "3.1". Opening and announcements always; more standing items until there are five.
    /// </summary>
    private List<(AgendaItem, ConsultationPlan?)> Agenda(Meeting meeting, MeetingPlan plan)
    {
        var roman = plan.Org == _council;
        var count = plan.ItemCount;
        bool Optional(double probability)
        {
            var wanted = count < 5 || (count < MaxAgendaItems && Chance(probability));
            count += wanted ? 1 : 0;
            return wanted;
        }
        var citizens = Optional(roman ? 0.6 : 0.3);
        var minutes = Optional(0.4);
        var questions = Optional(0.3);
        var various = Optional(0.3);
        var closedNotice = Optional(0.2);

        var items = new List<(AgendaItem, ConsultationPlan?)>();
        var top = 0;
        void Add(string number, string name, bool isPublic, ConsultationPlan? consultation = null)
        {
            var item = new AgendaItem
            {
                BodyId = _bodyId,
                Meeting = meeting,
                Order = items.Count,
                Number = number,
                Name = TextCorpus.Shorten(name, 1000),
                Public = isPublic,
                Result = consultation is not null && plan.State == MeetingState.Held ? Result(consultation) : null,
            };
            meeting.AgendaItems.Add(item);
            items.Add((item, consultation));
            _agendaItems++;
        }
        string Next(bool isPublic) => (roman ? (isPublic ? "I." : "II.") : "") + (++top).ToString(CultureInfo.InvariantCulture);

        Add(Next(true), "Eröffnung der Sitzung und Feststellung der Beschlussfähigkeit", true);
        if (citizens)
        {
            Add(Next(true), "Einwohnerfragestunde", true);
        }
        if (minutes)
        {
            Add(Next(true), "Genehmigung der Niederschrift über die letzte Sitzung", true);
        }
        Add(Next(true), "Mitteilungen der Verwaltung", true);
        var open = plan.Consultations.Where(c => _papers[c.Paper].Public).ToList();
        foreach (var (kinds, heading) in new[] { (new[] { PaperKindKeys.Inquiry }, "Anfragen"), (new[] { PaperKindKeys.Motion, PaperKindKeys.AgendaProposal }, "Anträge") })
        {
            var grouped = open.Where(c => kinds.Contains(_papers[c.Paper].Kind)).ToList();
            if (grouped.Count > 0)
            {
                var number = Next(true);
                Add(number, heading, true);
                for (var k = 0; k < grouped.Count; k++)
                {
                    Add(string.Create(CultureInfo.InvariantCulture, $"{number}.{k + 1}"), _papers[grouped[k].Paper].Name, true, grouped[k]);
                }
                open.RemoveAll(grouped.Contains);
            }
        }
        foreach (var consultation in open)
        {
            Add(Next(true), _papers[consultation.Paper].Name, true, consultation);
        }
        if (questions)
        {
            Add(Next(true), "Anfragen der Mitglieder", true);
        }
        if (various)
        {
            Add(Next(true), "Verschiedenes", true);
        }
        if (roman)
        {
            top = 0;
        }
        foreach (var consultation in plan.Consultations.Where(c => !_papers[c.Paper].Public))
        {
            Add(Next(false), _papers[consultation.Paper].Name, false, consultation);
        }
        if (closedNotice)
        {
            Add(Next(false), Pick(NonPublicItemNames), false);
        }
        return items;
    }

    private string Result(ConsultationPlan consultation) => consultation.Role switch
    {
        _ when _papers[consultation.Paper].Status == PaperStatus.Withdrawn => "Zurückgezogen",
        RoleDecision => Weighted(75, 12, 5, 5, 3) switch
        {
            0 => "Unverändert beschlossen",
            1 => "Geändert beschlossen",
            2 => "Abgelehnt",
            3 => "Vertagt",
            _ => "Zurückgezogen",
        },
        RolePreliminary => Weighted(60, 30, 10) switch
        {
            0 => "Einstimmig empfohlen",
            1 => "Mehrheitlich empfohlen",
            _ => "Vertagt",
        },
        _ => "Zur Kenntnis genommen",
    };
}
