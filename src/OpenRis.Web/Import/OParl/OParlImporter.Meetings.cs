using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Model;

namespace OpenRis.Web.Import.OParl;

internal sealed partial class OParlImporter
{
    private async Task MeetingAsync(JsonObject json, long bodyId, CancellationToken ct)
    {
        var meeting = await ResolveAsync<Meeting>("meeting", json, false, id => MeetingsToFill().FirstOrDefaultAsync(m => m.Id == id, ct));
        if (meeting is null)
        {
            return;
        }
        meeting.BodyId = bodyId;
        meeting.Name = _values.Text(json, "name", 500) ?? "";
        meeting.MeetingState = _values.Text(json, "meetingState")?.ToLowerInvariant() switch
        {
            "eingeladen" => MeetingState.Invited,
            "durchgeführt" or "durchgefuehrt" => MeetingState.Held,
            _ => MeetingState.Scheduled,
        };
        meeting.Cancelled = OParlValues.Boolean(json, "cancelled") ?? false;
        meeting.Start = _values.DateTime(json, "start");
        meeting.End = _values.DateTime(json, "end");
        meeting.Public = true;
        SetIfDifferent(meeting.Keyword, _values.Texts(json, "keyword"));
        if (json["location"] is JsonObject location)
        {
            var (id, entity) = await LocationAsync(location, bodyId, standalone: false, ct);
            SetLocation(meeting, id, entity, (m, l) => m.Location = l, (m, l) => m.LocationId = l);
        }

        var organizations = new List<long>();
        foreach (var url in _values.Links(json, "organization").Distinct())
        {
            var (id, _) = Target<Organization>(url);
            if (id > 0)
            {
                organizations.Add(id);
            }
            else
            {
                Missing("organization", url);
            }
        }
        if (!meeting.Organizations.OrderBy(o => o.Position).Select(o => o.OrganizationId).SequenceEqual(organizations))
        {
            meeting.Organizations.Clear();
            meeting.Organizations.AddRange(organizations.Select((id, i) => new MeetingOrganization { OrganizationId = id, Position = i }));
        }

        SetMany(meeting.Participants, Ids<Person>(_values.Links(json, "participant"), "participant"), PersonStub);

        var files = new List<JsonObject>();
        foreach (var (property, role) in new[] { ("invitation", FileRole.Invitation), ("resultsProtocol", FileRole.ResultsProtocol), ("verbatimProtocol", FileRole.VerbatimProtocol) })
        {
            if (json[property] is JsonObject file)
            {
                files.Add(file);
                await FileAsync(file, bodyId, role, meeting, null, null, ct);
            }
        }
        foreach (var file in _values.Objects(json, "auxiliaryFile"))
        {
            files.Add(file);
            await FileAsync(file, bodyId, FileRole.Auxiliary, meeting, null, null, ct);
        }
        RemoveMissing(meeting.Files, files, "file");

        // OParl 1.1 order is 0-based; Somacos and Sternberg start at 1 or leave gaps. Our order is the position.
        var items = _values.Objects(json, "agendaItem");
        var sorted = items.Select((item, i) => (Item: item, Key: OParlValues.Integer(item, "order") ?? i, Index: i))
            .OrderBy(x => x.Key).ThenBy(x => x.Index).ToList();
        if (sorted.Count > 0 && sorted[0].Key != 0)
        {
            _report.Defect("agendaitem-order-not-0-based", Invariant($"{OParlValues.Id(json)}: erstes order = {sorted[0].Key}"));
        }
        for (var i = 0; i < sorted.Count; i++)
        {
            await AgendaItemAsync(sorted[i].Item, bodyId, meeting, i, standalone: false, ct);
        }
        RemoveMissing(meeting.AgendaItems, items, "agendaItem");
    }

    private async Task<AgendaItem?> AgendaItemAsync(JsonObject json, long bodyId, Meeting? meeting, int? order, bool standalone, CancellationToken ct)
    {
        if (OParlValues.Id(json) is null)
        {
            _report.Defect("object-without-id", "agendaItem");
            return null;
        }
        var item = await ResolveAsync<AgendaItem>("agendaItem", json, standalone, id => AgendaItemsToFill().FirstOrDefaultAsync(a => a.Id == id, ct));
        if (item is null)
        {
            return null;
        }
        item.BodyId = bodyId;
        if (meeting is not null && item.Id == 0)
        {
            item.Meeting = meeting;
        }
        if (order is int position)
        {
            item.Order = position;
        }
        item.Number = _values.Text(json, "number", 32);
        item.Name = _values.Text(json, "name", 1000) ?? "";
        item.Public = OParlValues.Boolean(json, "public") ?? true;
        item.Result = _values.Text(json, "result");
        item.ResolutionText = _values.Text(json, "resolutionText");
        item.Start = _values.DateTime(json, "start");
        item.End = _values.DateTime(json, "end");
        SetIfDifferent(item.Keyword, _values.Texts(json, "keyword"));
        ReadVotes(item, json);
        var files = new List<JsonObject>();
        if (json["resolutionFile"] is JsonObject resolution)
        {
            files.Add(resolution);
            await FileAsync(resolution, bodyId, FileRole.Resolution, null, item, null, ct);
        }
        foreach (var file in _values.Objects(json, "auxiliaryFile"))
        {
            files.Add(file);
            await FileAsync(file, bodyId, FileRole.Auxiliary, null, item, null, ct);
        }
        RemoveMissing(item.Files, files, "file");
        return item;
    }

    /// <summary>From the 1.1 agendaItem list: known items are updated; new ones need their meeting.</summary>
    private async Task StandaloneAgendaItemAsync(JsonObject json, long bodyId, CancellationToken ct)
    {
        var url = OParlValues.Id(json)!;
        if (_known.ContainsKey(url))
        {
            await AgendaItemAsync(json, bodyId, null, null, standalone: true, ct);
            return;
        }
        var meetingUrl = _values.Link(json, "meeting");
        var (meetingId, _) = Target<Meeting>(meetingUrl);
        if (meetingId == 0)
        {
            Missing("meeting", meetingUrl ?? url);
            return;
        }
        var item = await AgendaItemAsync(json, bodyId, null, null, standalone: true, ct);
        if (item is not null)
        {
            item.MeetingId = meetingId;
            item.Order = OParlValues.Integer(json, "order") ?? 0;
        }
    }

    /// <summary>The vote extension of an OpenRIS source (docs/meetings.md): result kind, tally and roll call.</summary>
    private void ReadVotes(AgendaItem item, JsonObject json)
    {
        const string prefix = OpenRis.Web.OParl.OParlRenderer.VotePrefix;
        var kind = _values.Text(json, prefix + "resultKind");
        item.ResultKind = kind is null ? null : Enum.GetValues<ResultKind>().Cast<ResultKind?>().FirstOrDefault(k => k!.Value.ToKey() == kind);
        var tally = json[prefix + "tally"] as JsonObject;
        item.VotesYes = tally is null ? null : OParlValues.Integer(tally, "yes");
        item.VotesNo = tally is null ? null : OParlValues.Integer(tally, "no");
        item.VotesAbstain = tally is null ? null : OParlValues.Integer(tally, "abstain");
        var votes = new List<(long Person, VoteChoice Choice)>();
        foreach (var vote in _values.Objects(json, prefix + "rollCall"))
        {
            var person = Target<Person>(_values.Link(vote, "person")).Id;
            var choice = Enum.GetValues<VoteChoice>().Cast<VoteChoice?>().FirstOrDefault(c => c!.Value.ToKey() == _values.Text(vote, "vote"));
            if (person > 0 && choice is not null)
            {
                votes.Add((person, choice.Value));
            }
        }
        if (!item.RollCall.Select(v => (v.PersonId, v.Choice)).Order().SequenceEqual(votes.Order()))
        {
            item.RollCall.Clear();
            item.RollCall.AddRange(votes.Select(v => new RollCallVote { PersonId = v.Person, Choice = v.Choice }));
        }
        item.IsRollCall = votes.Count > 0;
    }
}
