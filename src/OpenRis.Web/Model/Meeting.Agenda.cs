namespace OpenRis.Web.Model;

public sealed partial class Meeting
{
    /// <summary>
    /// Puts a paper on this meeting's agenda with a consultation in the given role: under the
    /// "Anfragen"/"Anträge" heading when the agenda has one (numbered I.4.1, I.4.2 …), otherwise
    /// before the non-public part. Needs the agenda items loaded; idempotent.
    /// </summary>
    public AgendaItem PlaceOnAgenda(Paper paper, string role, Organization? organization)
    {
        var existing = paper.Consultations.FirstOrDefault(c => (c.MeetingId == Id && Id != 0) || c.Meeting == this);
        if (existing?.AgendaItem is { } placed)
        {
            return placed;
        }
        var items = AgendaItems.Where(i => !i.Deleted).OrderBy(i => i.Order).ToList();
        var headingName = paper.Kind.HasQuestions ? "Anfragen" : "Anträge";
        var heading = items.FirstOrDefault(i => i.Name == headingName && i.Number is not null);
        string? number;
        int order;
        if (heading is not null)
        {
            var children = items.Where(i => i.Number is { } n && n.StartsWith(heading.Number + ".", StringComparison.Ordinal)).ToList();
            number = $"{heading.Number}.{children.Count + 1}";
            order = (children.LastOrDefault() ?? heading).Order + 1;
        }
        else
        {
            var firstClosed = items.FirstOrDefault(i => !i.Public);
            order = firstClosed?.Order ?? items.Count;
            number = null;
        }
        foreach (var later in items.Where(i => i.Order >= order))
        {
            later.Order++;
        }
        var item = new AgendaItem
        {
            BodyId = BodyId,
            Meeting = this,
            Order = order,
            Number = number,
            Name = paper.Subject is { Length: > 0 } subject ? $"{paper.Name} – hier: {subject}" : paper.Name,
            Public = paper.Public,
        };
        AgendaItems.Add(item);
        var consultation = existing ?? new Consultation { BodyId = paper.BodyId, Paper = paper, Meeting = this, Role = role };
        consultation.AgendaItem = item;
        if (organization is not null && consultation.Organizations.Count == 0)
        {
            consultation.Organizations.Add(organization);
        }
        if (existing is null)
        {
            paper.Consultations.Add(consultation);
        }
        return item;
    }
}
