using OpenRis.Web.Model;

namespace OpenRis.Web.OParl;

/// <summary>
/// The vote extension (docs/meetings.md): OParl has no votes, so they go out as vendor-prefixed
/// properties (OParl 1.1 allows "Hersteller:property"). The prefix <c>openris-vote:</c> stands for
/// https://openris.de/oparl/vote/1.0. Written only for items the public may see.
/// </summary>
public sealed partial class OParlRenderer
{
    public const string VotePrefix = "openris-vote:";

    private void WriteVotes(OParlJson json, AgendaItem item)
    {
        if (item.ResultKind is { } kind)
        {
            json.Writer.WriteString(VotePrefix + "resultKind", kind.ToKey());
        }
        if (item.VotesYes is not null || item.VotesNo is not null || item.VotesAbstain is not null)
        {
            json.Writer.WriteStartObject(VotePrefix + "tally");
            json.Writer.WriteNumber("yes", item.VotesYes ?? 0);
            json.Writer.WriteNumber("no", item.VotesNo ?? 0);
            json.Writer.WriteNumber("abstain", item.VotesAbstain ?? 0);
            json.Writer.WriteEndObject();
        }
        if (item.RollCall.Count > 0)
        {
            json.Writer.WriteStartArray(VotePrefix + "rollCall");
            foreach (var vote in item.RollCall.OrderBy(v => v.PersonId))
            {
                json.Writer.WriteStartObject();
                json.Writer.WriteString("person", Urls.Of(OParlTypes.Person, vote.PersonId));
                json.Writer.WriteString("vote", vote.Choice.ToKey());
                json.Writer.WriteEndObject();
            }
            json.Writer.WriteEndArray();
        }
        json.Texts(VotePrefix + "conflictOfInterest", item.Conflicts.OrderBy(c => c.PersonId).Select(c => Urls.Of(OParlTypes.Person, c.PersonId)));
    }

    /// <summary>The result of the consultation's agenda item, so that a paper's Beratungsfolge shows its outcome.</summary>
    private static void WriteConsultationResult(OParlJson json, Consultation consultation)
    {
        if (consultation.AgendaItem is { } item && OParlVisibility.Of(item) && item.Result is not null)
        {
            json.Text(VotePrefix + "result", item.Result);
            if (item.ResultKind is { } kind)
            {
                json.Writer.WriteString(VotePrefix + "resultKind", kind.ToKey());
            }
        }
    }
}
