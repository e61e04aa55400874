using System.Globalization;
using OpenRis.Web.Model;

namespace OpenRis.Web.Demo;

/// <summary>
/// The whole municipality is planned in memory first (papers, meetings, which consultation sits
/// on which agenda), so that the batches written afterwards only ever point back at rows that exist.
/// </summary>
public sealed partial class MunicipalityGenerator
{
    private sealed class PaperPlan(string kind, DateOnly day, int term, SourceText main)
    {
        public string Kind { get; } = kind;

        /// <summary>The paper's date; for drafts the day they were begun (drafts carry no date).</summary>
        public DateOnly Day { get; set; } = day;
        public bool Dated { get; set; } = true;
        public int Term { get; set; } = term;
        public PaperStatus Status { get; set; } = PaperStatus.Published;
        public bool Public { get; set; } = true;
        public string? NonPublicReason { get; set; }
        public string? Reference { get; set; }
        public int Owner { get; set; }
        public int Faction { get; set; } = -1;
        public List<int> Originators { get; } = [];
        public int LeadOffice { get; set; } = -1;
        public List<int> CoOffices { get; } = [];
        public SourceText Main { get; set; } = main;
        public List<SourceText> Attachments { get; } = [];
        public string Title { get; set; } = main.Title;
        public string Name { get; set; } = main.Title;
        public string? Subject { get; set; }
        public List<ConsultationPlan> Consultations { get; } = [];
        public int Parent { get; set; } = -1;
        public List<string> Questions { get; } = [];
        public List<(int Target, PaperReferenceKind Kind)> Cites { get; } = [];
        public long Id { get; set; }
        public bool ByFaction => Faction >= 0;
    }

    private sealed class ConsultationPlan(int paper, int org, string role)
    {
        public int Paper { get; } = paper;
        public int Org { get; } = org;
        public string Role { get; } = role;
        public bool Authoritative => Role == RoleDecision;
        public long? MeetingId { get; set; }
        public long? AgendaItemId { get; set; }
    }

    private const string RolePreliminary = "Vorberatung";
    private const string RoleDecision = "Entscheidung";
    private const string RoleNotice = "Kenntnisnahme";

    private static readonly string[] FactionKinds = [PaperKindKeys.Inquiry, PaperKindKeys.Motion, PaperKindKeys.AgendaProposal];

    /// <summary>Kinds a paper is drawn from, with weights; statements come only as answers to inquiries.</summary>
    private static readonly (string Kind, double Weight)[] KindWeights =
    [
        (PaperKindKeys.ResolutionDraft, 40), (PaperKindKeys.Information, 19), (PaperKindKeys.Report, 5), (PaperKindKeys.Motion, 13),
        (PaperKindKeys.AgendaProposal, 2), (PaperKindKeys.Inquiry, 14), (PaperKindKeys.UrgentDecision, 2),
    ];

    private readonly List<PaperPlan> _papers = [];

    private void PlanPapers()
    {
        var days = PaperDays(_options.Papers);
        var perYear = new Dictionary<int, int>();
        var numbered = new List<int>();
        var weights = KindWeights.Select(k => k.Weight).ToArray();
        for (var i = 0; i < days.Count; i++)
        {
            // The newest paper is always still a draft, so that every municipality has one.
            var plan = NewPlan(KindWeights[Weighted(weights)].Kind, days[i], draft: i == days.Count - 1);
            var index = _papers.Count;
            _papers.Add(plan);
            if (plan.Status != PaperStatus.Draft)
            {
                var number = perYear[plan.Day.Year] = perYear.GetValueOrDefault(plan.Day.Year) + 1;
                plan.Reference = string.Create(CultureInfo.InvariantCulture, $"{number:0000}/{plan.Day.Year}");
                Citations(plan, numbered);
                numbered.Add(index);
                PlanConsultations(index, plan);
            }
            if (plan.Kind == PaperKindKeys.Inquiry)
            {
                var answered = plan.Status == PaperStatus.Published && i + 1 < days.Count && plan.Day.AddDays(21) <= _options.Today && Chance(0.8);
                Questions(plan);
                if (answered)
                {
                    // The answer takes the next slot, so that the count stays exact.
                    _papers.Add(NewStatement(index, plan));
                    i++;
                }
            }
        }
    }

    /// <summary>Paper dates over the terms until "today": working days, fewer in the summer and at Christmas, slowly growing.</summary>
    private List<DateOnly> PaperDays(int count)
    {
        var start = _terms[0].Start;
        var span = _options.Today.DayNumber - start.DayNumber + 1;
        var days = new List<DateOnly>(count);
        while (days.Count < count)
        {
            var day = start.AddDays(_random.Next(span));
            var growth = 1 + 0.4 * (day.DayNumber - start.DayNumber) / span;
            if (_random.NextDouble() < Season(day) * growth / 1.4)
            {
                days.Add(day);
            }
        }
        days.Sort();
        return days;
    }

    private static double Season(DateOnly day) => day switch
    {
        { DayOfWeek: DayOfWeek.Saturday or DayOfWeek.Sunday } => 0.03,
        { Month: 7, Day: >= 15 } or { Month: 8, Day: <= 20 } => 0.5,
        { Month: 12, Day: >= 20 } or { Month: 1, Day: <= 6 } => 0.3,
        _ => 1,
    };

    private int TermOf(DateOnly day)
    {
        for (var t = _terms.Count - 1; t > 0; t--)
        {
            if (_terms[t].Start <= day)
            {
                return t;
            }
        }
        return 0;
    }

    private SourceText MainText(string kind)
    {
        var wanted = kind switch
        {
            PaperKindKeys.Inquiry => TextKind.Inquiry,
            PaperKindKeys.Motion or PaperKindKeys.AgendaProposal => TextKind.Motion,
            PaperKindKeys.Information or PaperKindKeys.Report => TextKind.Information,
            PaperKindKeys.Statement => TextKind.Statement,
            _ => TextKind.Resolution,
        };
        var matching = _texts.ByKind[wanted];
        return matching.Count > 0 && Chance(0.8) ? Pick(matching) : Pick(_texts.PaperLike);
    }

    private PaperPlan NewPlan(string kind, DateOnly day, bool draft)
    {
        var term = TermOf(day);
        var plan = new PaperPlan(kind, day, term, MainText(kind));
        var recent = _options.Today.DayNumber - day.DayNumber;
        if ((recent < 45 && Chance(0.25)) || draft)
        {
            plan.Status = PaperStatus.Draft;
            plan.Dated = false;
        }
        else if (recent < 7 && Chance(0.5))
        {
            plan.Status = PaperStatus.Registered;
        }
        else if (Chance(0.01))
        {
            plan.Status = PaperStatus.Withdrawn;
        }

        var attachments = Weighted(15, 25, 30, 20, 10);
        for (var k = 0; k < attachments; k++)
        {
            plan.Attachments.Add(Pick(_texts.All));
        }

        if (FactionKinds.Contains(kind))
        {
            var factions = _terms[term].Seats.Keys.Order().ToList();
            plan.Faction = factions[Weighted(factions.Select(f => (double)_terms[term].Seats[f]).ToArray())];
            plan.Owner = plan.Faction;
            var active = _orgs[plan.Faction].Members.Where(m => m.ActiveOn(day)).Select(m => m.Person).Distinct().ToList();
            plan.Originators.AddRange(Shuffled(active).Take(Weighted(0, 50, 30, 20)));
            var label = kind switch
            {
                PaperKindKeys.Inquiry => "Anfrage",
                PaperKindKeys.Motion => "Antrag",
                _ => "Vorschlag zur Tagesordnung",
            };
            plan.Name = $"{label} der {_orgs[plan.Faction].Label} – hier: {plan.Title}";
            plan.Subject = plan.Title;
            return plan;
        }

        ChooseOffices(plan);
        plan.Owner = kind == PaperKindKeys.UrgentDecision ? _mayorOffice : plan.LeadOffice;
        if (kind == PaperKindKeys.UrgentDecision)
        {
            plan.Name = $"Dringlichkeitsentscheidung: {plan.Title}";
        }
        if (Chance(0.075))
        {
            plan.Public = false;
            plan.NonPublicReason = Pick(NonPublicReasons);
        }
        return plan;
    }

    private void ChooseOffices(PaperPlan plan)
    {
        plan.LeadOffice = Pick(_offices);
        var others = _offices.Where(o => o != plan.LeadOffice).ToList();
        plan.CoOffices.AddRange(Shuffled(others).Take(Math.Min(others.Count, Weighted(60, 30, 10))));
    }

    /// <summary>The administration's answer to an inquiry: no number of its own (it is printed with the inquiry's).</summary>
    private PaperPlan NewStatement(int inquiryIndex, PaperPlan inquiry)
    {
        var day = inquiry.Day.AddDays(_random.Next(14, 43));
        if (day > _options.Today)
        {
            day = _options.Today;
        }
        var plan = new PaperPlan(PaperKindKeys.Statement, day, TermOf(day), MainText(PaperKindKeys.Statement))
        {
            Parent = inquiryIndex,
            Name = $"Stellungnahme der Verwaltung zur Anfrage der {_orgs[inquiry.Faction].Label} – hier: {inquiry.Title}",
            Subject = inquiry.Title,
            Title = inquiry.Title,
        };
        ChooseOffices(plan);
        plan.Owner = plan.LeadOffice;
        if (Chance(0.5))
        {
            plan.Attachments.Add(Pick(_texts.All));
        }
        return plan;
    }

    /// <summary>1–4 numbered questions: the main text's own first, then others from the corpus.</summary>
    private void Questions(PaperPlan plan)
    {
        var count = 1 + Weighted(20, 30, 30, 20);
        foreach (var question in plan.Main.Questions.Take(count))
        {
            plan.Questions.Add(question);
        }
        for (var attempts = 0; plan.Questions.Count < count && attempts < 20; attempts++)
        {
            var question = Pick(_texts.QuestionPool);
            if (!plan.Questions.Contains(question))
            {
                plan.Questions.Add(question);
            }
        }
    }

    /// <summary>Some papers cite earlier ones ("Bezug: Vorlage 0123/2021"), mostly recent ones; a few are linked by hand.</summary>
    private void Citations(PaperPlan plan, List<int> numbered)
    {
        if (numbered.Count == 0)
        {
            return;
        }
        var cites = Chance(0.12) ? (Chance(0.3) ? 2 : 1) : 0;
        var related = Chance(0.03) ? 1 : 0;
        for (var k = 0; k < cites + related; k++)
        {
            var target = numbered[numbered.Count - 1 - (int)(Math.Pow(_random.NextDouble(), 2) * numbered.Count)];
            if (plan.Cites.All(c => c.Target != target))
            {
                plan.Cites.Add((target, k < cites ? PaperReferenceKind.Cites : PaperReferenceKind.Related));
            }
        }
    }

    /// <summary>The Beratungsfolge: preliminary debates in a district council or committee, then the decision.</summary>
    private void PlanConsultations(int index, PaperPlan plan)
    {
        var committee = _committees[Weighted(_committees.Select((_, i) => i == 0 ? 2.0 : 1.0).ToArray())];
        var district = Pick(_districts);
        (int Org, string Role)[] steps = plan.Kind switch
        {
            PaperKindKeys.ResolutionDraft => Weighted(70, 22, 8) switch
            {
                0 => [(Chance(0.3) ? _council : committee, RoleDecision)],
                1 => [(committee, RolePreliminary), (_council, RoleDecision)],
                _ => [(district, RolePreliminary), (committee, RolePreliminary), (_council, RoleDecision)],
            },
            PaperKindKeys.Motion or PaperKindKeys.AgendaProposal => Chance(0.8)
                ? [(_council, RoleDecision)]
                : [(committee, RolePreliminary), (_council, RoleDecision)],
            PaperKindKeys.Information or PaperKindKeys.Report => Weighted(70, 20, 10) switch
            {
                0 => [(committee, RoleNotice)],
                1 => [(district, RoleNotice)],
                _ => [(committee, RoleNotice), (_council, RoleNotice)],
            },
            PaperKindKeys.UrgentDecision => [(_council, RoleNotice)],
            _ => [(Chance(0.5) ? _council : committee, RoleNotice)],
        };
        foreach (var (org, role) in steps)
        {
            plan.Consultations.Add(new ConsultationPlan(index, org, role));
        }
    }
}
