using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;
using OpenRis.Web.OParl;

namespace OpenRis.Web.Search;

/// <summary>
/// The last gate before hits are shown: the index may lag the database by a moment, so every hit
/// of the page is checked against the current rows with the same rules the pages use. A paper made
/// non-public a second ago is dropped here even while the index still lists it as public.
/// </summary>
public sealed class SearchRecheck(RisDbContext db)
{
    public static string PublicUrl(string type, long id) => type switch
    {
        SearchKinds.Paper => $"/vorlagen/{id}",
        SearchKinds.Meeting => $"/sitzungen/{id}",
        SearchKinds.Person => $"/personen/{id}",
        _ => $"/gremien/{id}",
    };

    public async Task<List<SearchHit>> VisibleAsync(List<SearchHit> hits, Actor? actor, CancellationToken cancellationToken)
    {
        var paperIds = IdsOf(hits, SearchKinds.Paper);
        // The ids as one array parameter (EF.Parameter): one parameter per id made every page of
        // hits a new SQL text, compiled anew for each of the split queries.
        // A kind without hits costs no query (most pages hold papers only).
        var paperQuery = db.Papers.AsNoTracking().Where(p => EF.Parameter(paperIds).Contains(p.Id));
        // An anonymous reader sees published public papers only, which the paper's own columns
        // decide; kind, offices and parent (three more queries) matter to signed-in readers alone.
        if (actor is not null)
        {
            paperQuery = paperQuery.AsSplitQuery().Include(p => p.Kind).Include(p => p.Offices).Include(p => p.ParentPaper);
        }
        var papers = paperIds.Count == 0 ? new Dictionary<long, Paper>() : await paperQuery.ToDictionaryAsync(p => p.Id, cancellationToken);
        var meetingIds = IdsOf(hits, SearchKinds.Meeting);
        var meetings = meetingIds.Count == 0 ? new Dictionary<long, Meeting>() : await db.Meetings.AsNoTracking().Where(m => EF.Parameter(meetingIds).Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var personIds = IdsOf(hits, SearchKinds.Person);
        var persons = personIds.Count == 0 ? new List<long>() : await db.Persons.AsNoTracking().Where(p => EF.Parameter(personIds).Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        var organizationIds = IdsOf(hits, SearchKinds.Organization);
        var organizations = organizationIds.Count == 0 ? new List<long>() : await db.Organizations.AsNoTracking().Where(o => EF.Parameter(organizationIds).Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken);

        var visible = new List<SearchHit>();
        foreach (var hit in hits)
        {
            switch (hit.Type)
            {
                case SearchKinds.Paper when papers.TryGetValue(hit.Id, out var paper) && paper.IsVisibleTo(actor):
                    // Signed-in readers open what is not public in their workspace.
                    visible.Add(paper.IsPubliclyVisible ? hit : hit with { Url = $"/arbeitsbereich/vorlagen/{hit.Id}" });
                    break;
                case SearchKinds.Meeting when meetings.TryGetValue(hit.Id, out var meeting) && OParlVisibility.Of(meeting):
                case SearchKinds.Person when persons.Contains(hit.Id):
                case SearchKinds.Organization when organizations.Contains(hit.Id):
                    visible.Add(hit);
                    break;
            }
        }
        return visible;
    }

    private static List<long> IdsOf(List<SearchHit> hits, string type) => hits.Where(h => h.Type == type).Select(h => h.Id).ToList();
}
