using System.Globalization;
using OpenRis.Web.Model;

namespace OpenRis.Web.Demo;

/// <summary>Meetings: as many per body as its Beratungsfolgen need, agendas of 5–15 items, held ones with minutes.</summary>
public sealed partial class MunicipalityGenerator
{
    private enum AgendaGroup
    {
        Papers,
        Inquiries,
        Motions,
        NonPublic,
    }

    private sealed class MeetingPlan(int org, DateOnly day)
    {
        public int Org { get; } = org;
        public DateOnly Day { get; } = day;
        public int Number { get; set; }
        public MeetingState State { get; set; }
        public List<ConsultationPlan> Consultations { get; } = [];

        /// <summary>Items so far: opening and announcements, one per consultation, one heading per group.</summary>
        public int ItemCount { get; private set; } = 2;
        private readonly HashSet<AgendaGroup> _groups = [];

        public bool TryAdd(ConsultationPlan consultation, AgendaGroup group)
        {
            var needed = 1 + (group is AgendaGroup.Inquiries or AgendaGroup.Motions && !_groups.Contains(group) ? 1 : 0);
            if (ItemCount + needed > MaxAgendaItems)
            {
                return false;
            }
            ItemCount += needed;
            _groups.Add(group);
            Consultations.Add(consultation);
            return true;
        }
    }

    private readonly List<MeetingPlan> _meetings = [];

    /// <summary>
    /// About one meeting per eight papers, shared among the bodies by how many consultations they
    /// get, and placed where the papers are: the k-th of n meetings of a body follows the paper at
    /// quantile (k + 1) / n by two to four weeks, on the body's weekday, outside the holidays.
    /// </summary>
    private void PlanMeetings()
    {
        var target = Math.Max(1, (int)Math.Round(_options.Papers / 8.0));
        var demand = new int[_orgs.Count];
        foreach (var consultation in _papers.SelectMany(p => p.Consultations))
        {
            demand[consultation.Org]++;
        }
        demand[_council] = Math.Max(demand[_council], 1);
        var perMeeting = (double)demand.Sum() / target;
        var days = _papers.Where(p => p.Dated).Select(p => p.Day).Order().ToList();
        var planned = new List<MeetingPlan>();
        for (var org = 0; org < _orgs.Count; org++)
        {
            if (!_orgs[org].HoldsMeetings || demand[org] == 0)
            {
                continue;
            }
            var count = Math.Max(1, (int)Math.Round(demand[org] / perMeeting));
            var previous = DateOnly.MinValue;
            for (var k = 0; k < count; k++)
            {
                // Meeting k takes the papers up to quantile (k + 1) / count; the last one comes after the newest paper.
                var quantile = (k + 1 - _random.NextDouble() * 0.3) / count;
                var day = OutsideHolidays(days[Math.Clamp((int)(quantile * days.Count), 0, days.Count - 1)].AddDays(_random.Next(14, 29)));
                if (day < previous.AddDays(7))
                {
                    day = previous.AddDays(7);
                }
                while (day.DayOfWeek != _orgs[org].Weekday)
                {
                    day = day.AddDays(1);
                }
                previous = day;
                planned.Add(new MeetingPlan(org, day));
            }
        }

        _meetings.AddRange(planned.OrderBy(m => m.Day).ThenBy(m => m.Org));
        var numbers = new Dictionary<(int Org, int Term), int>();
        for (var i = 0; i < _meetings.Count; i++)
        {
            var meeting = _meetings[i];
            var key = (meeting.Org, TermOf(meeting.Day));
            meeting.Number = numbers[key] = numbers.GetValueOrDefault(key) + 1;
            meeting.State = meeting.Day <= _options.Today ? MeetingState.Held
                : meeting.Day <= _options.Today.AddDays(14) ? MeetingState.Invited : MeetingState.Scheduled;
            _orgs[meeting.Org].Meetings.Add(i);
        }
    }

    private static DateOnly OutsideHolidays(DateOnly day) => day switch
    {
        { Month: 7, Day: >= 20 } or { Month: 8, Day: <= 20 } => new DateOnly(day.Year, 8, 21),
        { Month: 12, Day: >= 22 } => new DateOnly(day.Year + 1, 1, 7),
        { Month: 1, Day: <= 6 } => new DateOnly(day.Year, 1, 7),
        _ => day,
    };

    /// <summary>
    /// Each step of a Beratungsfolge goes to the first meeting of its body that is at least a week
    /// after the paper (and after the previous step) and has room on its agenda. A step that finds
    /// none stays unscheduled, and so do the steps after it.
    /// </summary>
    private void AssignConsultations()
    {
        foreach (var plan in _papers)
        {
            var earliest = plan.Day.AddDays(7);
            foreach (var consultation in plan.Consultations)
            {
                var meetings = _orgs[consultation.Org].Meetings;
                var group = !plan.Public ? AgendaGroup.NonPublic
                    : plan.Kind == PaperKindKeys.Inquiry ? AgendaGroup.Inquiries
                    : plan.Kind is PaperKindKeys.Motion or PaperKindKeys.AgendaProposal ? AgendaGroup.Motions
                    : AgendaGroup.Papers;
                var placed = -1;
                for (var j = FirstOnOrAfter(meetings, earliest); j < meetings.Count && placed < 0; j++)
                {
                    if (_meetings[meetings[j]].TryAdd(consultation, group))
                    {
                        placed = meetings[j];
                    }
                }
                if (placed < 0)
                {
                    break;
                }
                earliest = _meetings[placed].Day.AddDays(1);
            }
        }
    }

    private int FirstOnOrAfter(List<int> meetings, DateOnly day)
    {
        int low = 0, high = meetings.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_meetings[meetings[middle]].Day < day)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    private async Task WriteMeetingsAsync(CancellationToken cancellationToken)
    {
        Report("Sitzungen", 0, _meetings.Count);
        var batchSize = Math.Max(1, _options.BatchSize / 2);
        var batch = new List<(Meeting Meeting, List<(AgendaItem Item, ConsultationPlan? Consultation)> Items)>();
        for (var i = 0; i < _meetings.Count; i++)
        {
            batch.Add(NewMeeting(i, _meetings[i]));
            if (batch.Count == batchSize || i + 1 == _meetings.Count)
            {
                await FlushAsync(cancellationToken);
                foreach (var (meeting, items) in batch)
                {
                    foreach (var (item, consultation) in items.Where(i => i.Consultation is not null))
                    {
                        consultation!.MeetingId = meeting.Id;
                        consultation.AgendaItemId = item.Id;
                    }
                }
                batch.Clear();
                Report("Sitzungen", i + 1, _meetings.Count);
            }
        }
    }

    private (Meeting, List<(AgendaItem, ConsultationPlan?)>) NewMeeting(int index, MeetingPlan plan)
    {
        var org = _orgs[plan.Org];
        var start = Local(plan.Day, org.Hour, org.Hour == 18 ? 30 : 0);
        var meeting = new Meeting
        {
            BodyId = _bodyId,
            Name = $"{org.Entity.Name} ({plan.Number}. Sitzung)",
            MeetingState = plan.State,
            Start = start,
            End = start.AddMinutes(_random.Next(90, 240)),
            LocationId = org.Room!.Id,
        };
        meeting.Organizations.Add(new MeetingOrganization { Meeting = meeting, OrganizationId = org.Entity.Id, Position = 0 });
        if (plan.State == MeetingState.Held)
        {
            foreach (var person in org.Members.Where(m => m.ActiveOn(plan.Day)).Select(m => m.Person).Distinct())
            {
                if (Chance(0.9))
                {
                    meeting.Participants.Add(PersonStub(person));
                }
            }
        }
        var items = Agenda(meeting, plan);
        var slug = string.Create(CultureInfo.InvariantCulture, $"sitzung-{index + 1:00000}");
        if (plan.State != MeetingState.Scheduled)
        {
            meeting.Files.Add(MeetingFile(meeting, FileRole.Invitation, "Einladung", $"{slug}-einladung.txt", Pick(_texts.Invitations), plan.Day.AddDays(-10)));
        }
        if (plan.State == MeetingState.Held)
        {
            meeting.Files.Add(MeetingFile(meeting, FileRole.ResultsProtocol, "Niederschrift", $"{slug}-niederschrift.txt", Pick(_texts.Protocols), plan.Day.AddDays(14)));
        }
        _db.Meetings.Add(meeting);
        return (meeting, items);
    }

    private DocumentFile MeetingFile(Meeting meeting, FileRole role, string name, string fileName, SourceText text, DateOnly day)
    {
        _fileCount++;
        return new DocumentFile
        {
            BodyId = _bodyId,
            Meeting = meeting,
            Role = role,
            Name = name,
            FileName = fileName,
            MimeType = "text/plain",
            Date = day,
            Size = text.Stored.Size,
            Sha512Checksum = text.Stored.Sha512,
            Text = text.Content,
        };
    }
}
