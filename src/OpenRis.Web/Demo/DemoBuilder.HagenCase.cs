using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenRis.Documents;
using OpenRis.Web.Files;
using OpenRis.Web.Model;

namespace OpenRis.Web.Demo;

internal sealed partial class DemoBuilder
{
    /// <summary>The seed document as vendored: the inquiry form, the cover letter and the statement.</summary>
    public static string SeedDocument()
    {
        using var stream = typeof(DemoBuilder).Assembly.GetManifestResourceStream("OpenRis.Web.Demo.hagen-2018.md")
            ?? throw new InvalidOperationException("The embedded seed document is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The seed split where its three documents begin.</summary>
    public static (string Form, string Letter, string Statement) SeedParts()
    {
        var seed = SeedDocument();
        var letter = seed.IndexOf("HAGEN AKTIV", StringComparison.Ordinal);
        var statement = seed.IndexOf("## ÖFFENTLICHE STELLUNGNAHME", StringComparison.Ordinal);
        return (seed[..letter].Trim(), seed[letter..statement].Trim(), seed[statement..].Trim());
    }

    public async Task HagenCaseAsync(FileStore files, CancellationToken cancellationToken)
    {
        var (form, letter, statementDocument) = SeedParts();

        // 1159/2017: the earlier inquiry, answered in the council meeting of December 2017.
        var earlier = Paper(PaperKindKeys.Inquiry, "Anfrage der Fraktion Hagen Aktiv", "Stabsstelle Digitalisierung", "1159/2017", new(2017, 11, 30), HagenAktiv);
        earlier.OriginatorPersons.Add(Buecker);
        Consult(earlier, CouncilDecember2017, Items["rat-2017-12/I.3.1"], "Beantwortung", Council);
        var earlierAnswer = Paper(PaperKindKeys.Statement, "Stellungnahme der Verwaltung zur Anfrage der Fraktion Hagen Aktiv", "Stabsstelle Digitalisierung", null, new(2017, 12, 14), Mayor);
        earlierAnswer.ParentPaper = earlier;
        earlierAnswer.Text = "Demo-Wiedergabe nach dem Zitat in der Anfrage vom 14.09.2018 (der Originaltext ist nicht Teil der Demodaten): "
            + "Die Einrichtung einer Stabsstelle Digitalisierung ist nicht erforderlich, da die verwaltungsweit notwendigen Aktivitäten zentral gebündelt und koordiniert werden müssen. "
            + "Hierfür sollen eingesetzte Ressourcen im ersten Halbjahr 2018 ausgeweitet werden. Grundlage für die verwaltungsweite Digitalisierungsoffensive ist eine noch zu erarbeitende Digitalisierungsstrategie.";
        Office(earlierAnswer, Office11, signedOff: true);

        // 0853/2018: the Vorlage the answer refers to, deliberated in the Betriebsausschuss HABIT on 20.09.2018.
        var taskForce = Paper(PaperKindKeys.ResolutionDraft, "Einrichtung einer Task Force Digitalisierung im VB 2", null, "0853/2018", new(2018, 9, 6), Mayor);
        taskForce.Summary = "Demo: Der Inhalt dieser Vorlage ist nicht Teil der Demodaten; sie steht hier, weil die Stellungnahme der Verwaltung zur Digitalisierungsstrategie auf sie verweist.";
        Office(taskForce, Habit, signedOff: true);
        Consult(taskForce, Habit20September2018, Items["habit-2018-09-20/3"], "Beratung", HabitCommittee, authoritative: true);

        if (WithOpenCase)
        {
            await OpenCaseAsync(files, form, letter, statementDocument, cancellationToken);
        }

        await NonPublicAndDraftsAsync(files, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await LinkCitationsAsync(cancellationToken);
    }

    private async Task OpenCaseAsync(FileStore files, string form, string letter, string statementDocument, CancellationToken cancellationToken)
    {
        // The inquiry of 14.09.2018, registered as 0930/2018, with the seed's texts word for word.
        var inquiry = Paper(PaperKindKeys.Inquiry, "Anfrage der Fraktion Hagen Aktiv", "E-Government - Digitalisierungsstrategie", "0930/2018", new(2018, 9, 14), HagenAktiv);
        inquiry.ReceivedAt = DemoMunicipality.Local(2018, 9, 14, 11, 30);
        inquiry.Summary = null; // "Kurzfassung entfällt"
        inquiry.Reasoning = HagenTexts.Reasoning;
        inquiry.OriginatorPersons.Add(Buecker);
        Question(inquiry, 1, HagenTexts.Question1);
        Question(inquiry, 2, HagenTexts.Question2);
        Question(inquiry, 3, HagenTexts.Question3);
        Assess(inquiry, "inclusion", "sind nicht betroffen");
        Sign(inquiry, 0, null, Buecker, "Fraktionsvorsitzender Hagen Aktiv", DemoMunicipality.Local(2018, 9, 14, 10));
        Sign(inquiry, 1, Signature.CertifiedCorrect, NigburMartini, "Fraktionsgeschäftsführerin", DemoMunicipality.Local(2018, 9, 14, 10));
        Consult(inquiry, Council27September2018, Items["rat-2018-09-27/I.4.1"], "Beantwortung", Council);
        await AttachAsync(files, inquiry, FileRole.Main, "Anfrage gem. § 5 Geschäftsordnung", "0930-2018-anfrage.md", form, cancellationToken);
        await AttachAsync(files, inquiry, FileRole.Auxiliary, "Anschreiben an den Oberbürgermeister vom 14. September 2018", "0930-2018-anschreiben.md", letter, cancellationToken);

        // The administration's public statement, answering the three questions one by one.
        var statement = Paper(PaperKindKeys.Statement, "Öffentliche Stellungnahme: Anfrage der Fraktion Hagen Aktiv", "E-Government - Digitalisierungsstrategie", null, new(2018, 9, 27), Mayor);
        statement.ParentPaper = inquiry;
        statement.Text = HagenTexts.StatementIntro;
        Office(statement, Office11, signedOff: true);
        Sign(statement, 0, Signature.Released, Schulz, "Oberbürgermeister", DemoMunicipality.Local(2018, 9, 26, 12));
        inquiry.Questions[0].Answer = HagenTexts.Answer1;
        inquiry.Questions[1].Answer = HagenTexts.Answer2;
        inquiry.Questions[2].Answer = HagenTexts.Answer3;
        foreach (var question in inquiry.Questions)
        {
            question.AnswerPaper = statement;
        }
        await AttachAsync(files, statement, FileRole.Main, "Öffentliche Stellungnahme 0930/2018", "0930-2018-stellungnahme.md", statementDocument, cancellationToken);
    }

    private async Task NonPublicAndDraftsAsync(FileStore files, CancellationToken cancellationToken)
    {
        // Non-public (GO NRW § 48 Abs. 2): a land matter of the council meeting, with its file.
        var land = Paper(PaperKindKeys.ResolutionDraft, "Verkauf einer Teilfläche in der Gemarkung Hagen", null, "0951/2018", new(2018, 9, 12), Mayor);
        land.Public = false;
        land.NonPublicReason = "Grundstücksangelegenheit (nichtöffentlich nach § 48 Abs. 2 GO NRW und Geschäftsordnung)";
        land.Text = "Demo: Der Rat beschließt den Verkauf der Teilfläche zum Verkehrswert an den Meistbietenden.";
        Office(land, Office11, signedOff: true);
        Consult(land, Council27September2018, Items["rat-2018-09-27/II.1"], "Entscheidung", Council, authoritative: true);
        await AttachAsync(files, land, FileRole.Main, "Lageplan und Wertgutachten", "0951-2018-lageplan.txt",
            "Demo: Lageplan der Teilfläche, Wertgutachten und Name des Kaufinteressenten (nichtöffentlich).", cancellationToken);

        // A faction's draft, visible to that faction only.
        var draft = Paper(PaperKindKeys.Motion, "Antrag der CDU-Fraktion", "Freies WLAN in der Innenstadt", null, null, Cdu);
        draft.Status = PaperStatus.Draft;
        draft.Text = "Demo-Entwurf: Die Verwaltung wird beauftragt, ein Konzept für freies WLAN in der Innenstadt vorzulegen.";
    }

    private Paper Paper(string kind, string name, string? subject, string? reference, DateOnly? date, Organization originator)
    {
        var paper = new Paper
        {
            Body = Body,
            Kind = Kinds[kind],
            Name = name,
            Subject = subject,
            Reference = reference,
            Date = date,
            Status = PaperStatus.Published,
            OwnerOrganization = originator,
        };
        paper.OriginatorOrganizations.Add(originator);
        db.Papers.Add(paper);
        return paper;
    }

    private void Consult(Paper paper, Meeting meeting, AgendaItem item, string role, Organization organization, bool authoritative = false)
    {
        var consultation = new Consultation { Body = Body, Paper = paper, Meeting = meeting, AgendaItem = item, Role = role, Authoritative = authoritative };
        consultation.Organizations.Add(organization);
        paper.Consultations.Add(consultation);
    }

    private static void Question(Paper paper, int number, string text) =>
        paper.Questions.Add(new Question { Paper = paper, Number = number, Text = text });

    private void Assess(Paper paper, string check, string option) =>
        paper.ImpactAssessments.Add(new ImpactAssessment { Paper = paper, ImpactCheck = Checks[check], Option = option });

    private static void Sign(Paper paper, int position, string? formula, Person person, string function, DateTime signedAt) =>
        paper.Signatures.Add(new Signature { Paper = paper, Position = position, Formula = formula, Name = person.Name, Function = function, Person = person, SignedAt = signedAt });

    private static void Office(Paper paper, Organization office, bool signedOff) =>
        paper.Offices.Add(new PaperOffice { Paper = paper, Organization = office, Role = OfficeRole.Lead, SignedOffAt = signedOff ? paper.Date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null });

    private async Task AttachAsync(FileStore files, Paper paper, FileRole role, string name, string fileName, string text, CancellationToken cancellationToken)
    {
        var content = Encoding.UTF8.GetBytes(text + "\n");
        var stored = await files.SaveAsync(content, cancellationToken);
        paper.Files.Add(new DocumentFile
        {
            Body = Body,
            Paper = paper,
            Role = role,
            Name = name,
            FileName = fileName,
            MimeType = fileName.EndsWith(".md", StringComparison.Ordinal) ? "text/markdown" : "text/plain",
            Date = paper.Date,
            Size = stored.Size,
            Sha512Checksum = stored.Sha512,
            Text = text,
            Public = paper.Public,
        });
    }

    /// <summary>Paper numbers mentioned in the texts become references, so the cited paper shows "zitiert in".</summary>
    private async Task LinkCitationsAsync(CancellationToken cancellationToken)
    {
        var byReference = await db.Papers.Where(p => p.Reference != null).ToDictionaryAsync(p => p.Reference!, cancellationToken);
        var papers = await db.Papers.Include(p => p.Questions).Include(p => p.References).ToListAsync(cancellationToken);
        foreach (var paper in papers)
        {
            var texts = new[] { paper.Summary, paper.Reasoning, paper.Text }
                .Concat(paper.Questions.Select(q => q.Text))
                .Concat(db.Questions.Local.Where(q => q.AnswerPaperId == paper.Id).Select(q => q.Answer));
            foreach (var match in texts.Where(t => t is not null).SelectMany(t => PaperNumbers.Find(t!)))
            {
                if (byReference.TryGetValue(match.Reference, out var cited) && cited.Id != paper.Id
                    && !paper.References.Any(r => r.ToPaper == cited || r.ToPaperId == cited.Id))
                {
                    paper.References.Add(new PaperReference { FromPaper = paper, ToPaper = cited, Kind = PaperReferenceKind.Cites, CitedAs = match.CitedAs });
                }
            }
        }
    }
}
