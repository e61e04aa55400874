using OpenRis.Web.Data;
using OpenRis.Web.Demo;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Data;

/// <summary>A small body with one meeting, one agenda item and one paper consulted there, for data-layer tests.</summary>
internal sealed class Graph
{
    public Body Body { get; private set; } = null!;
    public Meeting Meeting { get; private set; } = null!;
    public AgendaItem Item { get; private set; } = null!;
    public Paper Paper { get; private set; } = null!;
    public Consultation Consultation { get; private set; } = null!;
    public Person Person { get; private set; } = null!;
    public Organization Council { get; private set; } = null!;

    public static async Task<Graph> CreateAsync(RisDbContext db)
    {
        var graph = new Graph();
        var body = graph.Body = new Body { Name = "Teststadt", Ags = "05914000" };
        var kind = DemoMunicipality.DefaultPaperKinds().First(k => k.Key == PaperKindKeys.Inquiry);
        graph.Council = new Organization { Body = body, Name = "Rat", OrganizationType = Organization.TypeCommittee };
        graph.Person = new Person { Body = body, Name = "Erika Muster" };
        graph.Meeting = new Meeting { Body = body, Name = "Ratssitzung" };
        graph.Item = new AgendaItem { Body = body, Meeting = graph.Meeting, Name = "Anfragen", Number = "1", Order = 0 };
        graph.Paper = new Paper { Body = body, Kind = kind, Name = "Anfrage", Reference = "0001/2018", Status = PaperStatus.Published };
        graph.Consultation = new Consultation { Body = body, Paper = graph.Paper, Meeting = graph.Meeting, AgendaItem = graph.Item, Role = "Beantwortung" };
        db.AddRange(body, kind, graph.Council, graph.Person, graph.Meeting, graph.Item, graph.Paper, graph.Consultation);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return graph;
    }
}
