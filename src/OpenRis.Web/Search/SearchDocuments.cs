using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;
using OpenRis.Web.OParl;

namespace OpenRis.Web.Search;

/// <summary>
/// Reads searchable objects from the database and turns them into <see cref="SearchDocument"/>s.
/// Only what every member of a document's audience may read goes into it: non-public files and
/// answers of statements not yet published stay out, so snippets can never show them.
/// </summary>
public static class SearchDocuments
{
    /// <summary>The documents for these ids; an id missing from the result is deleted (or never existed) and leaves the index.</summary>
    public static async Task<List<SearchDocument>> LoadAsync(RisDbContext db, string kind, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) => kind switch
    {
        // The ids go to the database as one array parameter (EF.Parameter): expanded into one
        // parameter each, every split query of every batch was compiled anew, and that compilation
        // was most of the CPU time of reading for a rebuild.
        SearchKinds.Paper => await PapersAsync(db, [.. ids], cancellationToken),
        SearchKinds.Meeting => await MeetingsAsync(db, [.. ids], cancellationToken),
        SearchKinds.Person => await PersonsAsync(db, [.. ids], cancellationToken),
        SearchKinds.Organization => await OrganizationsAsync(db, [.. ids], cancellationToken),
        _ => [],
    };

    private static async Task<List<SearchDocument>> PapersAsync(RisDbContext db, List<long> ids, CancellationToken cancellationToken)
    {
        var papers = await db.Papers.AsNoTracking().AsSplitQuery().Where(p => EF.Parameter(ids).Contains(p.Id))
            .Include(p => p.Kind).Include(p => p.Offices).Include(p => p.ParentPaper)
            .Include(p => p.OriginatorOrganizations).Include(p => p.OriginatorPersons)
            .Include(p => p.Files.Where(f => f.Public))
            .Include(p => p.Questions).ThenInclude(q => q.AnswerPaper).ThenInclude(a => a!.Kind)
            .Include(p => p.Consultations).ThenInclude(c => c.Organizations)
            .ToListAsync(cancellationToken);
        return papers.Select(ToDocument).ToList();
    }

    public static SearchDocument ToDocument(Paper paper)
    {
        var doc = new SearchDocument
        {
            Type = SearchKinds.Paper,
            Id = paper.Id,
            Title = paper.Subject is null ? paper.Name : $"{paper.Name} – hier: {paper.Subject}",
            Reference = paper.Reference,
            RelatedReference = paper.Reference is null ? paper.ParentPaper?.Reference : null,
            Audience = SearchAudience.Of(paper),
            Date = paper.Date,
            Modified = paper.Modified,
        };
        doc.Texts.AddRange(new[] { paper.Summary, paper.Reasoning, paper.Text }.OfType<string>());
        foreach (var question in paper.Questions.OrderBy(q => q.Number))
        {
            doc.Texts.Add(question.Text);
            // An answer is readable once its statement is; before that it is a draft of the office.
            if (question.Answer is not null && (question.AnswerPaper is null || question.AnswerPaper.IsPubliclyVisible))
            {
                doc.Texts.Add(question.Answer);
            }
        }
        doc.FileTexts.AddRange(paper.Files.Where(f => !f.Deleted && f.Public).Select(f => f.Name + "\n" + f.Text));
        doc.Facet(SearchFields.Kind, paper.Kind.Name);
        doc.Facet(SearchFields.Status, paper.Status.ToGerman());
        foreach (var organization in paper.OriginatorOrganizations)
        {
            doc.Facet(SearchFields.Originator, organization.Name);
        }
        foreach (var person in paper.OriginatorPersons)
        {
            doc.Facet(SearchFields.Originator, person.Name);
        }
        foreach (var organization in paper.Consultations.Where(c => !c.Deleted).SelectMany(c => c.Organizations))
        {
            doc.Facet(SearchFields.Body, organization.Name);
        }
        return doc;
    }

    private static async Task<List<SearchDocument>> MeetingsAsync(RisDbContext db, List<long> ids, CancellationToken cancellationToken)
    {
        var meetings = await db.Meetings.AsNoTracking().AsSplitQuery().Where(m => EF.Parameter(ids).Contains(m.Id))
            .Include(m => m.Location).Include(m => m.Organizations).ThenInclude(o => o.Organization)
            .Include(m => m.AgendaItems.Where(a => a.Public)).ThenInclude(a => a.Files.Where(f => f.Public))
            .Include(m => m.AgendaVersions)
            .Include(m => m.Files.Where(f => f.Public))
            .ToListAsync(cancellationToken);
        var documents = new List<SearchDocument>();
        foreach (var meeting in meetings)
        {
            // Non-public meetings have no search audience yet: nobody finds them.
            List<string> audience = OParlVisibility.Of(meeting) ? [SearchAudience.Public] : [];
            var doc = new SearchDocument
            {
                Type = SearchKinds.Meeting,
                Id = meeting.Id,
                Title = meeting.Name,
                Audience = audience,
                Date = meeting.Start is { } start ? DateOnly.FromDateTime(Berlin.ToLocal(start)) : null,
                Modified = meeting.Modified,
            };
            doc.Texts.AddRange(new[] { meeting.Location?.Description, meeting.Location?.Room, meeting.Location?.StreetAddress }.OfType<string>());
            foreach (var item in meeting.AgendaItems.Where(a => !a.Deleted && a.IsPubliclyListed()).OrderBy(a => a.Order))
            {
                doc.Texts.Add(string.Join(" ", new[] { item.Number, item.Name, item.Result, item.ResolutionText }.OfType<string>()));
                doc.FileTexts.AddRange(item.Files.Where(f => !f.Deleted).Select(f => f.Name + "\n" + f.Text));
            }
            doc.FileTexts.AddRange(meeting.Files.Where(f => !f.Deleted).Select(f => f.Name + "\n" + f.Text));
            doc.Facet(SearchFields.Kind, "Sitzung");
            doc.Facet(SearchFields.Status, meeting.Cancelled ? "abgesagt" : meeting.MeetingState.ToGerman());
            foreach (var organization in meeting.Organizations.OrderBy(o => o.Position))
            {
                doc.Facet(SearchFields.Body, organization.Organization.Name);
            }
            documents.Add(doc);
        }
        return documents;
    }

    private static async Task<List<SearchDocument>> PersonsAsync(RisDbContext db, List<long> ids, CancellationToken cancellationToken)
    {
        var persons = await db.Persons.AsNoTracking().AsSplitQuery().Where(p => EF.Parameter(ids).Contains(p.Id))
            .Include(p => p.Memberships).ThenInclude(m => m.Organization)
            .ToListAsync(cancellationToken);
        return persons.Select(person =>
        {
            var doc = new SearchDocument
            {
                Type = SearchKinds.Person,
                Id = person.Id,
                Title = person.Name,
                Audience = [SearchAudience.Public],
                Modified = person.Modified,
            };
            doc.Texts.AddRange(person.Title.Concat(person.Status));
            doc.Texts.AddRange(new[] { person.FormOfAddress, person.Life }.OfType<string>());
            doc.Texts.AddRange(person.Memberships.Where(m => !m.Deleted).Select(m => m.Organization.Name + (m.Role is null ? "" : " " + m.Role)));
            doc.Facet(SearchFields.Kind, "Person");
            return doc;
        }).ToList();
    }

    private static async Task<List<SearchDocument>> OrganizationsAsync(RisDbContext db, List<long> ids, CancellationToken cancellationToken)
    {
        var organizations = await db.Organizations.AsNoTracking().Where(o => EF.Parameter(ids).Contains(o.Id)).ToListAsync(cancellationToken);
        return organizations.Select(organization =>
        {
            var doc = new SearchDocument
            {
                Type = SearchKinds.Organization,
                Id = organization.Id,
                Title = organization.Name,
                Audience = [SearchAudience.Public],
                Modified = organization.Modified,
            };
            doc.Texts.AddRange(new[] { organization.ShortName, organization.Classification, organization.OrganizationType }.OfType<string>());
            doc.Facet(SearchFields.Kind, organization.IsFaction ? "Fraktion" : organization.IsOffice ? "Verwaltung" : "Gremium");
            return doc;
        }).ToList();
    }
}
