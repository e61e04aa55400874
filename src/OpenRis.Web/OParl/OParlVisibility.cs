using OpenRis.Web.Model;

namespace OpenRis.Web.OParl;

/// <summary>
/// What anonymous clients may see. Non-public objects do not exist for them: not in lists, 404 by
/// id. A child is visible only with its parent (an agenda item with its meeting, a file with its
/// paper), so closing a meeting closes everything in it. An agenda item waits for the Nachtrag that
/// lists it (<see cref="AgendaItem.PubliclyListed"/>). Needs the parents loaded, a meeting with its agenda versions.
/// </summary>
public static class OParlVisibility
{
    public static bool Of(Meeting meeting) => !meeting.Deleted && meeting.Public;

    public static bool Of(AgendaItem item) => !item.Deleted && item.IsPubliclyListed() && Of(item.Meeting);

    public static bool Of(Paper paper) => !paper.Deleted && paper.IsPubliclyVisible;

    public static bool Of(Consultation consultation) => !consultation.Deleted && Of(consultation.Paper);

    public static bool Of(DocumentFile file) =>
        !file.Deleted && file.Public
        && ((file.Paper is { } paper && Of(paper))
            || (file.Meeting is { } meeting && Of(meeting))
            || (file.AgendaItem is { } item && Of(item)));

    public static bool OfOrganizationOrPerson(OParlObject o) => !o.Deleted;
}
