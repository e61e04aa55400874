using Microsoft.EntityFrameworkCore;
using OpenRis.Documents.Official;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Files;

/// <summary>Settings under "Letterhead": what the official documents print at their head.</summary>
public sealed class LetterheadOptions
{
    public const string Section = "Letterhead";

    public string Municipality { get; set; } = "Stadt Hagen";
    public List<string> OfficeLines { get; set; } = ["Der Oberbürgermeister"];
    public List<string> AddressLines { get; set; } = ["Rathausstraße 13", "58095 Hagen"];
    public string? LogoText { get; set; }

    /// <summary>Addressee of a faction's cover letter, above <see cref="AddressLines"/>.</summary>
    public List<string> CoverLetterAddressee { get; set; } = ["Herrn Oberbürgermeister", "Erik O. Schulz"];

    public string CoverLetterSalutation { get; set; } = "Sehr geehrter Herr Oberbürgermeister,";

    public Letterhead ToLetterhead() => new(Municipality, OfficeLines, AddressLines, LogoText);
}

/// <summary>The inquiry and the Öffentliche Stellungnahme as accessible HTML and as A4 PDF, for published public papers.</summary>
public static class OfficialDocumentEndpoints
{
    public static IEndpointRouteBuilder MapOfficialDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/vorlagen/{id:long}/dokument.{format:regex(^(pdf|html)$)}", RenderAsync);
        return app;
    }

    private static async Task<IResult> RenderAsync(long id, string format, RisDbContext db, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var paper = await db.Papers.AsNoTracking().PubliclyVisible()
            .Include(p => p.Kind).Include(p => p.OriginatorOrganizations).ThenInclude(o => o.Location).Include(p => p.Signatures)
            .Include(p => p.Offices).ThenInclude(o => o.Organization)
            .Include(p => p.ImpactAssessments).ThenInclude(a => a.ImpactCheck)
            .Include(p => p.Questions.OrderBy(q => q.Number))
            .Include(p => p.TargetMeeting!).ThenInclude(m => m.Organizations).ThenInclude(o => o.Organization)
            .Include(p => p.Consultations).ThenInclude(c => c.Meeting!).ThenInclude(m => m.Organizations).ThenInclude(o => o.Organization)
            .Include(p => p.ParentPaper!).ThenInclude(i => i.Questions.OrderBy(q => q.Number))
            .Include(p => p.ParentPaper!).ThenInclude(i => i.Consultations).ThenInclude(c => c.Meeting!).ThenInclude(m => m.Organizations).ThenInclude(o => o.Organization)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (paper is null || (!paper.Kind.HasQuestions && !paper.IsStatement) || (paper.IsStatement && paper.ParentPaper is null))
        {
            return Results.NotFound();
        }
        var options = configuration.GetSection(LetterheadOptions.Section).Get<LetterheadOptions>() ?? new();
        var letterhead = options.ToLetterhead();
        var inquiry = paper.ParentPaper ?? paper;
        var meetingOf = inquiry.Consultations.Select(c => c.Meeting).FirstOrDefault(m => m is not null) ?? paper.TargetMeeting;
        var meeting = new TargetMeeting(
            meetingOf?.Start is { } start ? DateOnly.FromDateTime(Berlin.ToLocal(start)) : paper.Date ?? default,
            meetingOf?.Organizations.OrderBy(o => o.Position).FirstOrDefault()?.Organization.Name ?? "");
        var date = paper.Date ?? default;
        var name = $"{(inquiry.Reference ?? "vorlage").Replace('/', '-')}-{(paper.IsStatement ? "stellungnahme" : "anfrage")}";
        if (paper.IsStatement)
        {
            var signature = paper.Signatures.FirstOrDefault(s => s.Formula == Signature.Released);
            var document = new StatementDocument("Öffentliche Stellungnahme", inquiry.Reference, date,
                paper.Offices.FirstOrDefault(o => o.Role == OfficeRole.Lead)?.Organization is { } lead ? lead.ShortName ?? lead.Name : "", meeting,
                inquiry.Name, inquiry.Subject, inquiry.Reference, paper.Text ?? "",
                inquiry.Questions.Select(q => new StatementAnswer(q.Number, InquiryCoverLetter.Paragraphs(q.Answer))).ToList(),
                new Signatory(signature?.Name ?? "", signature?.Function ?? ""));
            return format == "pdf"
                ? Results.File(OfficialDocumentPdf.Render(letterhead, document), "application/pdf", $"{name}.pdf")
                : Results.Content(OfficialDocumentHtml.Render(letterhead, document), "text/html; charset=utf-8");
        }
        // With a cover letter the reasoning is in the letter and the form says "siehe Anlage", as in the seed.
        var letter = InquiryCoverLetter.For(paper, meeting, options);
        var form = new InquiryDocument(paper.Kind.Name, paper.OriginatorOrganizations.FirstOrDefault()?.Name ?? "", paper.Reference, date, meeting,
            paper.Name, paper.Subject, paper.Questions.Select(q => q.Text).ToList(), paper.Summary, letter is null ? paper.Reasoning : null,
            paper.ImpactAssessments.Where(a => a.ImpactCheck.Public).Select(a => new ImpactStatement(a.ImpactCheck.Title, $"{a.ImpactCheck.Question} {a.Option}")).ToList(), letter);
        return format == "pdf"
            ? Results.File(OfficialDocumentPdf.Render(letterhead, form), "application/pdf", $"{name}.pdf")
            : Results.Content(OfficialDocumentHtml.Render(letterhead, form), "text/html; charset=utf-8");
    }
}
