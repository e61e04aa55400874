using OpenRis.Web.Model;

namespace OpenRis.Web.Demo;

/// <summary>People and their memberships, term by term: re-election, resignations with successors, committee seats.</summary>
public sealed partial class MunicipalityGenerator
{
    private int CouncilSeats => Math.Clamp((int)Math.Round(32 * Math.Pow(_options.Papers / 1000.0, 0.25)), 20, 90);

    private void Council(TermInfo term)
    {
        var t = _terms.IndexOf(term);
        var previous = t > 0 ? _terms[t - 1] : null;

        var mayor = previous is null || Chance(0.5) ? NewPerson("Oberbürgermeisterin", "Oberbürgermeister") : previous.Mayor;
        term.Mayor = mayor;
        var female = _persons[mayor].Female;
        Member(mayor, _council, "Vorsitz", term.Start, term.MembershipEnd, votingRight: true);
        Member(mayor, _mayorOffice, female ? "Oberbürgermeisterin" : "Oberbürgermeister", term.Start, term.MembershipEnd);

        var factions = term.Seats.Keys.Order().ToList();
        var seats = DistributeSeats(factions, CouncilSeats);
        for (var f = 0; f < factions.Count; f++)
        {
            var faction = factions[f];
            term.Seats[faction] = seats[f];
            var members = new List<int>();
            if (previous is not null)
            {
                // Members who served the previous term to its end may be re-elected.
                foreach (var span in _orgs[faction].Members.Where(m => m.End == previous.End).DistinctBy(m => m.Person))
                {
                    if (members.Count < seats[f] && Chance(0.6))
                    {
                        members.Add(span.Person);
                    }
                }
            }
            while (members.Count < seats[f])
            {
                members.Add(NewPerson("Ratsmitglied", "Ratsmitglied"));
            }
            for (var k = 0; k < members.Count; k++)
            {
                var role = k == 0 ? "Fraktionsvorsitz" : k == 1 && members.Count >= 3 ? "Stellvertretender Fraktionsvorsitz" : "Mitglied";
                if (k == 0)
                {
                    term.Chairs[faction] = members[k];
                }
                var end = term.MembershipEnd;
                DateOnly? leave = null;
                if (k > 0 && Chance(0.06))
                {
                    var length = term.End.DayNumber - term.Start.DayNumber;
                    leave = term.Start.AddDays((int)(length * (0.2 + 0.6 * _random.NextDouble())));
                    if (leave >= _options.Today)
                    {
                        leave = null;
                    }
                }
                Member(members[k], _council, "Mitglied", term.Start, leave ?? end, votingRight: true, onBehalfOf: faction);
                Member(members[k], faction, role, term.Start, leave ?? end);
                if (leave is { } day)
                {
                    var successor = NewPerson("Ratsmitglied", "Ratsmitglied");
                    Member(successor, _council, "Mitglied", day.AddDays(1), end, votingRight: true, onBehalfOf: faction);
                    Member(successor, faction, "Mitglied", day.AddDays(1), end);
                }
            }
        }
    }

    /// <summary>Seats in proportion to the parties' (varied) weights, largest remainder, at least one each.</summary>
    private int[] DistributeSeats(List<int> factions, int seats)
    {
        var weights = factions.Select(f => _orgs[f].Weight * (0.6 + 0.8 * _random.NextDouble())).ToArray();
        var total = weights.Sum();
        var quotas = weights.Select(w => w / total * seats).ToArray();
        var counts = quotas.Select(q => Math.Max(1, (int)Math.Floor(q))).ToArray();
        var byRemainder = Enumerable.Range(0, counts.Length).OrderByDescending(i => quotas[i] - Math.Floor(quotas[i])).ThenBy(i => i).ToList();
        for (var i = 0; counts.Sum() < seats; i++)
        {
            counts[byRemainder[i % counts.Length]]++;
        }
        while (counts.Sum() > seats && counts.Max() > 1)
        {
            counts[Array.IndexOf(counts, counts.Max())]--;
        }
        return counts;
    }

    private void CommitteeSeats(TermInfo term)
    {
        var councillors = _orgs[_council].Members.Where(m => m.Start == term.Start && m.OnBehalfOf >= 0).ToList();
        var seats = Math.Clamp((int)Math.Round(councillors.Count * 0.4), 9, 19);
        var factions = term.Seats.Keys.Order().ToList();
        foreach (var committee in _committees)
        {
            var citizens = _orgs[committee].Entity.ShortName is "HFA" or "RPA" ? 0 : _random.Next(0, 4);
            var chosen = Shuffled(councillors).Take(Math.Min(seats - citizens, councillors.Count)).ToList();
            for (var k = 0; k < chosen.Count; k++)
            {
                var role = k switch { 0 => "Vorsitz", 1 => "Stellvertretender Vorsitz", _ => "Mitglied" };
                Member(chosen[k].Person, committee, role, term.Start, chosen[k].End, votingRight: true, onBehalfOf: chosen[k].OnBehalfOf);
            }
            for (var k = 0; k < citizens; k++)
            {
                var citizen = NewPerson("Sachkundige Bürgerin", "Sachkundiger Bürger");
                var faction = factions[Weighted(factions.Select(f => (double)term.Seats[f]).ToArray())];
                Member(citizen, committee, "Mitglied", term.Start, term.MembershipEnd, votingRight: true, onBehalfOf: faction);
            }
        }
    }

    private void Districts(TermInfo term)
    {
        var t = _terms.IndexOf(term);
        var seats = Math.Clamp((int)Math.Round(9 + 2 * Math.Log10(_options.Papers / 100.0)), 9, 19);
        var factions = term.Seats.Keys.Order().ToList();
        var factionWeights = factions.Select(f => (double)term.Seats[f]).ToArray();
        foreach (var district in _districts)
        {
            var members = new List<(int Person, int Faction)>();
            if (t > 0)
            {
                foreach (var span in _orgs[district].Members.Where(m => m.End == _terms[t - 1].End).DistinctBy(m => m.Person))
                {
                    if (members.Count < seats && Chance(0.5))
                    {
                        members.Add((span.Person, term.Seats.ContainsKey(span.OnBehalfOf) ? span.OnBehalfOf : factions[Weighted(factionWeights)]));
                    }
                }
            }
            while (members.Count < seats)
            {
                members.Add((NewPerson("Bezirksvertreterin", "Bezirksvertreter"), factions[Weighted(factionWeights)]));
            }
            for (var k = 0; k < members.Count; k++)
            {
                var female = _persons[members[k].Person].Female;
                var role = k switch
                {
                    0 => female ? "Bezirksbürgermeisterin" : "Bezirksbürgermeister",
                    1 => female ? "Stellvertretende Bezirksbürgermeisterin" : "Stellvertretender Bezirksbürgermeister",
                    _ => "Mitglied",
                };
                Member(members[k].Person, district, role, term.Start, term.MembershipEnd, votingRight: true, onBehalfOf: members[k].Faction);
            }
        }
    }

    private List<T> Shuffled<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    private int NewPerson(string femaleStatus, string maleStatus)
    {
        var female = Chance(0.45);
        string given, family;
        var attempts = 0;
        do
        {
            given = Pick(female ? FemaleGivenNames : MaleGivenNames);
            family = Pick(FamilyNames);
        }
        while (!_personNames.Add($"{given} {family}") && ++attempts < 20);
        var title = Chance(0.07) ? "Dr." : null;
        var person = new Person
        {
            Body = _body,
            Name = title is null ? $"{given} {family}" : $"{title} {given} {family}",
            GivenName = given,
            FamilyName = family,
            FormOfAddress = female ? "Frau" : "Herr",
            Title = title is null ? [] : [title],
            Gender = female ? "female" : "male",
            Status = [female ? femaleStatus : maleStatus],
            IsFictitious = true,
        };
        _db.Persons.Add(person);
        _persons.Add(new PersonInfo(person, female));
        return _persons.Count - 1;
    }

    private void Member(int person, int org, string role, DateOnly start, DateOnly? end, bool? votingRight = null, int onBehalfOf = -1)
    {
        _db.Memberships.Add(new Membership
        {
            Body = _body,
            Person = _persons[person].Entity,
            Organization = _orgs[org].Entity,
            Role = role,
            VotingRight = votingRight,
            StartDate = start,
            EndDate = end,
            OnBehalfOf = onBehalfOf >= 0 ? _orgs[onBehalfOf].Entity : null,
        });
        _orgs[org].Members.Add(new MemberSpan(person, start, end, role, onBehalfOf));
        _memberships++;
    }
}
