namespace OpenRis.Web.Model;

/// <summary>
/// Building the agenda (GO NRW § 48 Abs. 1: the mayor sets it, the council office prepares it):
/// standing items of the body, the papers scheduled for the meeting under their headings, a public
/// part I before a non-public part II, numbered in the municipal style "I.4.1".
/// </summary>
public sealed partial class Meeting
{
    public const string Inquiries = "Anfragen";
    public const string Motions = "Anträge";
    public const string Proposals = "Vorlagen der Verwaltung";
    public const string UrgentDecisions = "Genehmigung von Dringlichkeitsentscheidungen (§ 60 GO NRW)";
    public const string ResidentsQuestions = "Einwohnerfragestunde";
    public const string Announcements = "Mitteilungen";
    public const string NonPublicDecisions = "Bekanntgabe der in nichtöffentlicher Sitzung gefassten Beschlüsse";
    public const string Opening = "Eröffnung der Sitzung und Feststellung der Beschlussfähigkeit";

    /// <summary>Headings that number the papers placed under them (I.4 → I.4.1, I.4.2 …).</summary>
    public static readonly IReadOnlySet<string> Headings = new HashSet<string>(StringComparer.Ordinal) { Inquiries, Motions, Proposals, UrgentDecisions };

    /// <summary>
    /// The standing items of a body's meetings. The council holds an Einwohnerfragestunde (Hagen
    /// GeschO § 3); committees do not (the Hagen council rejected that in 2022, domain-notes §1.2).
    /// </summary>
    public static IReadOnlyList<string> StandingItems(bool council) => council
        ? [Opening, ResidentsQuestions, Announcements, Inquiries, Motions, Proposals, NonPublicDecisions]
        : [Opening, Announcements, Inquiries, Motions, Proposals];

    /// <summary>
    /// Checks a body's own list of standing items (one per line) and returns it cleaned; blank
    /// lines are dropped, an empty list is refused (the default is restored explicitly instead).
    /// </summary>
    public static List<string> ParseStandingItems(string? lines)
    {
        var items = (lines ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (items.Count == 0)
        {
            throw new MeetingException("Bitte geben Sie mindestens einen ständigen Tagesordnungspunkt an oder stellen Sie die Vorgabe wieder her.");
        }
        if (items.FirstOrDefault(l => l.Length > 1000) is { } tooLong)
        {
            throw new MeetingException($"Der Punkt „{tooLong[..40]}…“ ist zu lang (höchstens 1000 Zeichen).");
        }
        if (items.GroupBy(l => l, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new MeetingException($"Der Punkt „{twice.Key}“ steht doppelt in der Liste.");
        }
        return items;
    }

    private static bool IsHeading(AgendaItem item) => item.Consultation is null && Headings.Contains(item.Name);

    private static bool IsStanding(AgendaItem item) =>
        item.Standing || (item.Consultation is null && (Headings.Contains(item.Name) || item.Name is Opening or ResidentsQuestions or Announcements or NonPublicDecisions));

    /// <summary>Only papers nest under a heading; an item without a paper always stands on its own (I.7).</summary>
    private static bool CanNest(AgendaItem item) => item.Consultation is not null && !IsStanding(item);

    public List<AgendaItem> OrderedItems() => AgendaItems.Where(i => !i.Deleted).OrderBy(i => i.Public ? 0 : 1).ThenBy(i => i.Order).ToList();

    /// <summary>
    /// Builds the agenda of a meeting that has none yet: the standing items, then every scheduled
    /// consultation placed under the heading of its paper's kind (non-public papers in part II).
    /// </summary>
    public void BuildAgenda(IEnumerable<Consultation> scheduled, bool council) => BuildAgenda(scheduled, StandingItems(council));

    /// <summary>As above, with the body's own standing items (<see cref="Organization.StandingItems"/>).</summary>
    public void BuildAgenda(IEnumerable<Consultation> scheduled, IReadOnlyList<string> standingItems)
    {
        EnsureAgendaEditable();
        if (AgendaItems.Any(i => !i.Deleted))
        {
            throw new MeetingException("Die Sitzung hat bereits eine Tagesordnung. Ergänzen Sie einzelne Punkte oder ändern Sie die Reihenfolge.");
        }
        foreach (var name in standingItems)
        {
            AgendaItems.Add(new AgendaItem { BodyId = BodyId, Meeting = this, Name = name, Standing = true, Order = AgendaItems.Count });
        }
        foreach (var consultation in scheduled.Where(c => c.AgendaItem is null && !c.Deleted).OrderBy(c => c.Paper.Reference, StringComparer.Ordinal))
        {
            AddPaper(consultation);
        }
        Renumber();
    }

    /// <summary>Places a scheduled consultation's paper under its heading (or in part II if non-public).</summary>
    public AgendaItem AddPaper(Consultation consultation)
    {
        EnsureAgendaEditable();
        var paper = consultation.Paper;
        var approval = consultation.Role == Paper.ApprovalRole;
        var heading = approval ? UrgentDecisions : paper.Kind.HasQuestions ? Inquiries : paper.Kind.FiledBy == PaperOriginator.Faction ? Motions : Proposals;
        var name = approval ? $"{paper.Name} – Genehmigung" : paper.Subject is { Length: > 0 } subject ? $"{paper.Name} – hier: {subject}" : paper.Name;
        var item = Insert(name, paper.Public, paper.Public ? heading : null);
        item.Consultation = consultation;
        consultation.AgendaItem = item;
        consultation.Meeting = this;
        Renumber();
        return item;
    }

    /// <summary>Adds an item without a paper (e.g. a Mitteilung) at the end of its part or under a heading.</summary>
    public AgendaItem AddItem(string? name, bool isPublic, string? heading = null)
    {
        EnsureAgendaEditable();
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new MeetingException("Bitte geben Sie den Gegenstand des Tagesordnungspunkts an.");
        }
        var item = Insert(name.Trim(), isPublic, heading);
        Renumber();
        return item;
    }

    /// <summary>
    /// Puts an urgent decision (GO NRW § 60) on this council meeting for approval (Genehmigung),
    /// under its own heading, which is added before the announcement of non-public decisions if missing.
    /// A meeting without an agenda yet only gets the consultation; building the agenda places it.
    /// </summary>
    public AgendaItem? QueueUrgentDecision(Consultation consultation)
    {
        EnsureAgendaEditable();
        consultation.Meeting = this;
        consultation.Role = Paper.ApprovalRole;
        consultation.Authoritative = true;
        return AgendaItems.Any(i => !i.Deleted) ? AddPaper(consultation) : null;
    }

    /// <summary>The next council meeting after <paramref name="after"/> that is not cancelled; null if none is planned.</summary>
    public static Meeting? NextCouncilMeeting(IEnumerable<Meeting> councilMeetings, DateTime after) =>
        councilMeetings.Where(m => !m.Cancelled && !m.Deleted && m.Start > after && m.MeetingState != MeetingState.Held)
            .OrderBy(m => m.Start).FirstOrDefault();

    /// <summary>Moves an item one place up (-1) or down (+1) within its part; papers follow their heading.</summary>
    public void MoveItem(AgendaItem item, int direction)
    {
        EnsureAgendaEditable();
        var part = OrderedItems().Where(i => i.Public == item.Public).ToList();
        var index = part.IndexOf(item);
        var target = index + Math.Sign(direction);
        if (index < 0 || direction == 0 || target < 0 || target >= part.Count)
        {
            throw new MeetingException("Der Tagesordnungspunkt kann nicht weiter in diese Richtung verschoben werden.");
        }
        // A heading moves with the papers under it, as one block.
        var block = Block(part, index);
        var neighbour = Block(part, direction < 0 ? StartOfBlock(part, index - 1) : index + block.Count);
        if (IsHeading(item) || !IsChild(part, index))
        {
            if (neighbour.Count == 0)
            {
                throw new MeetingException("Der Tagesordnungspunkt kann nicht weiter in diese Richtung verschoben werden.");
            }
            if (direction < 0)
            {
                part.RemoveRange(index, block.Count);
                part.InsertRange(index - neighbour.Count, block);
            }
            else
            {
                part.RemoveRange(index, block.Count);
                part.InsertRange(index + neighbour.Count, block);
            }
        }
        else
        {
            if (!CanNest(part[target]))
            {
                throw new MeetingException("Ein Punkt unter einer Überschrift wird nur innerhalb dieser Überschrift verschoben; ordnen Sie die Vorlage sonst neu zu.");
            }
            (part[index], part[target]) = (part[target], part[index]);
        }
        var offset = item.Public ? 0 : OrderedItems().Count(i => i.Public);
        for (var i = 0; i < part.Count; i++)
        {
            part[i].Order = offset + i;
        }
        Renumber();
    }

    /// <summary>Numbers the items: I.n for the public part, II.n for the non-public one, I.n.m under headings.</summary>
    public void Renumber()
    {
        var ordered = OrderedItems();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Order = i;
        }
        foreach (var (isPublic, prefix) in new[] { (true, "I"), (false, "II") })
        {
            var part = ordered.Where(i => i.Public == isPublic).ToList();
            int top = 0, child = 0;
            AgendaItem? heading = null;
            foreach (var item in part)
            {
                if (heading is not null && CanNest(item))
                {
                    item.Number = $"{heading.Number}.{++child}";
                    continue;
                }
                item.Number = $"{prefix}.{++top}";
                heading = IsHeading(item) ? item : null;
                child = 0;
            }
        }
    }

    private AgendaItem Insert(string name, bool isPublic, string? headingName)
    {
        var ordered = OrderedItems();
        var part = ordered.Where(i => i.Public == isPublic).ToList();
        var position = part.Count == 0 ? (isPublic ? 0 : ordered.Count) : part[^1].Order + 1;
        if (headingName is not null)
        {
            var heading = part.FirstOrDefault(i => i.Name == headingName && IsHeading(i));
            if (heading is null)
            {
                // A missing heading goes before the closing standing item of the part.
                var closing = part.LastOrDefault(i => i.Name == NonPublicDecisions);
                heading = new AgendaItem { BodyId = BodyId, Meeting = this, Name = headingName, Public = isPublic, Standing = true, Order = closing?.Order ?? position };
                if (AgendaVersions.Count > 0)
                {
                    heading.AddendumNumber = AgendaVersions.Count;
                }
                Shift(ordered, heading.Order);
                AgendaItems.Add(heading);
                ordered = OrderedItems();
                part = ordered.Where(i => i.Public == isPublic).ToList();
            }
            var index = part.IndexOf(heading);
            position = Block(part, index)[^1].Order + 1;
        }
        Shift(ordered, position);
        var item = new AgendaItem { BodyId = BodyId, Meeting = this, Name = name, Public = isPublic, Order = position };
        if (AgendaVersions.Count > 0)
        {
            item.AddendumNumber = AgendaVersions.Count;
        }
        AgendaItems.Add(item);
        return item;
    }

    private static void Shift(List<AgendaItem> ordered, int from)
    {
        foreach (var later in ordered.Where(i => i.Order >= from))
        {
            later.Order++;
        }
    }

    private static bool IsChild(List<AgendaItem> part, int index)
    {
        if (!CanNest(part[index]))
        {
            return false;
        }
        for (var i = index - 1; i >= 0; i--)
        {
            if (!CanNest(part[i]))
            {
                return IsHeading(part[i]);
            }
        }
        return false;
    }

    private static int StartOfBlock(List<AgendaItem> part, int index)
    {
        var i = index;
        while (i >= 0 && IsChild(part, i))
        {
            i--;
        }
        return Math.Max(i, 0);
    }

    /// <summary>The item at <paramref name="index"/> and, if it is a heading, the papers under it.</summary>
    private static List<AgendaItem> Block(List<AgendaItem> part, int index)
    {
        if (index >= part.Count)
        {
            return [];
        }
        var block = new List<AgendaItem> { part[index] };
        if (IsHeading(part[index]))
        {
            for (var i = index + 1; i < part.Count && CanNest(part[i]); i++)
            {
                block.Add(part[i]);
            }
        }
        return block;
    }

    private void EnsureAgendaEditable()
    {
        if (Cancelled || MeetingState == MeetingState.Held)
        {
            throw new MeetingException("Die Tagesordnung einer abgesagten oder durchgeführten Sitzung kann nicht mehr geändert werden.");
        }
    }
}
