using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenRis.Documents.Import;
using OpenRis.Web.Data;
using OpenRis.Web.Files;
using OpenRis.Web.Model;

namespace OpenRis.Web.Import;

public enum ImportOutcomeKind
{
    Ok,
    Warning,
    Rejected,
}

/// <summary>One line of the import report: what became of a file, and why.</summary>
public sealed record ImportOutcome(string FileName, ImportOutcomeKind Kind, string Message, long? ProposalId = null)
{
    public string Label => Kind switch
    {
        ImportOutcomeKind.Ok => "ok",
        ImportOutcomeKind.Warning => "Warnung",
        ImportOutcomeKind.Rejected => "abgelehnt",
    };
}

/// <summary>
/// The document import shared by <c>openris import documents</c> and the review page: files become
/// proposals for the council office (never papers), and accepted proposals become papers through the model.
/// </summary>
public static class DocumentImport
{
    public static readonly string[] Extensions = [".pdf", ".md", ".markdown", ".txt"];

    /// <summary>Reads, checks and parses one file and stores it as a proposal; a file seen before (same bytes) is not stored again.</summary>
    public static async Task<ImportOutcome> ProposeAsync(RisDbContext db, PdfText pdfText, byte[] content, string fileName, string channel, string createdBy, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var known = await db.ImportProposals.Where(p => p.ContentHash == hash).Select(p => new { p.Id, p.Status }).FirstOrDefaultAsync(cancellationToken);
        if (known is not null)
        {
            return new(fileName, ImportOutcomeKind.Ok, $"bereits eingelesen (Vorschlag {known.Id}), nicht erneut angelegt", known.Id);
        }
        var source = SourceText.Read(content, fileName, pdfText.Ocr);
        if (source.RefusedBecause is { } refused)
        {
            return new(fileName, ImportOutcomeKind.Rejected, refused);
        }
        var document = CouncilPaperParser.Parse(source.Lines);
        if (!document.IsCouncilPaper)
        {
            return new(fileName, ImportOutcomeKind.Rejected, document.NotAPaperBecause ?? "kein Ratsdokument");
        }
        var proposal = new ImportProposal
        {
            FileName = Path.GetFileName(fileName),
            ContentHash = hash,
            Size = content.Length,
            Format = source.Format!.Value.ToString(),
            Channel = channel,
            SourceText = string.Join('\n', source.Lines.Select(l => l.Text)),
            Papers = [.. document.Papers.Select(Proposed)],
            Confidence = document.Confidence,
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            CreatedBy = createdBy,
        };
        db.ImportProposals.Add(proposal);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same file came in through another request at the same moment: the unique hash keeps one.
            db.Entry(proposal).State = EntityState.Detached;
            var raced = await db.ImportProposals.AsNoTracking().FirstOrDefaultAsync(p => p.ContentHash == hash, cancellationToken);
            if (raced is null)
            {
                throw;
            }
            return new(fileName, ImportOutcomeKind.Ok, $"bereits eingelesen (Vorschlag {raced.Id}), nicht erneut angelegt", raced.Id);
        }
        var kinds = string.Join(", ", document.Papers.Select(p => p.Kind?.Value ?? "unbekannt"));
        var summary = $"Vorschlag {proposal.Id}: {kinds}; Sicherheit {proposal.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}";
        var warnings = proposal.Warnings();
        return warnings.Count == 0
            ? new(fileName, ImportOutcomeKind.Ok, summary, proposal.Id)
            : new(fileName, ImportOutcomeKind.Warning, $"{summary}; {string.Join(", ", warnings)}", proposal.Id);
    }

    private static ProposedPaper Proposed(ParsedPaper paper) => new()
    {
        Kind = Field(paper.Kind),
        Number = Field(paper.Number),
        Subject = Field(paper.Subject),
        Originator = Field(paper.Originator),
        LeadOffice = Field(paper.LeadOffice),
        Date = paper.Date is { } date ? new(date.Value.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), date.Confidence, date.Line) : ProposedField.Empty,
        Signatory = Field(paper.Signatory),
        SignatoryRole = Field(paper.SignatoryRole),
        Consultations = [.. paper.Consultations.Select(c => new ProposedConsultation(c.Value.Body, c.Value.Date, c.Value.Role, c.Confidence, c.Line))],
        Questions = [.. paper.Questions.Select(q => new ProposedItem(q.Value.Number, q.Value.Text, q.Confidence, q.Line))],
        Answers = [.. paper.Answers.Select(a => new ProposedItem(a.Value.Number, a.Value.Text, a.Confidence, a.Line))],
        References = [.. paper.References.Select(Field)],
        Confidence = paper.Confidence,
        FirstLine = paper.FirstLine,
        LastLine = paper.LastLine,
    };

    private static ProposedField Field(ParsedField<string>? field) => field is null ? ProposedField.Empty : new(field.Value, field.Confidence, field.Line);

    /// <summary>
    /// Turns an accepted proposal into papers: kinds, factions, offices and bodies are matched by name; a
    /// statement following an inquiry in the same file answers it (the number then belongs to the inquiry, as
    /// in Hagen's forms). The papers are registered, not published.
    /// </summary>
    public static async Task<List<Paper>> AcceptAsync(RisDbContext db, ImportProposal proposal, Actor actor, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var body = await db.Bodies.OrderBy(b => b.Id).FirstOrDefaultAsync(cancellationToken) ?? throw new WorkflowException("Es gibt noch keine Körperschaft.");
        var kinds = await db.PaperKinds.Where(k => k.Active).ToListAsync(cancellationToken);
        var organizations = await db.Organizations.Where(o => o.BodyId == body.Id).ToListAsync(cancellationToken);
        var created = new List<Paper>();
        foreach (var proposed in proposal.Papers)
        {
            var kind = KindFor(kinds, proposed.Kind.Value) ?? throw new WorkflowException($"Die Art „{proposed.Kind.Value ?? "(leer)"}“ gibt es hier nicht; bitte korrigieren.");
            var paper = Paper.Imported(body, kind, proposed.Subject.Value ?? "", proposal.FileName, now, actor);
            paper.Subject = proposed.Subject.Value;
            paper.Date = DateOnly.TryParseExact(proposed.Date.Value, "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
            var inquiry = kind.AnswersQuestions ? created.LastOrDefault(p => !p.Kind.AnswersQuestions) : null;
            await NumberAsync(db, body, paper, inquiry, proposed.Number.Value, cancellationToken);
            if (Match(organizations, proposed.Originator.Value) is { } originator)
            {
                paper.OriginatorOrganizations.Add(originator);
            }
            if (Match(organizations, proposed.LeadOffice.Value) is { } office)
            {
                paper.Offices.Add(new PaperOffice { Paper = paper, Organization = office, Role = OfficeRole.Lead });
            }
            foreach (var consultation in proposed.Consultations)
            {
                if (Match(organizations, consultation.Body) is { } committee)
                {
                    paper.Consultations.Add(new Consultation { Body = body, Paper = paper, Organizations = [committee], Role = consultation.Role });
                }
            }
            foreach (var question in proposed.Questions)
            {
                paper.Questions.Add(new Question { Paper = paper, Number = question.Number, Text = question.Text });
            }
            if (inquiry is not null)
            {
                paper.ParentPaper = inquiry;
                inquiry.SubordinatedPapers.Add(paper);
                foreach (var answer in proposed.Answers)
                {
                    if (inquiry.Questions.FirstOrDefault(q => q.Number == answer.Number) is { } question)
                    {
                        question.Answer = answer.Text;
                        question.AnswerPaper = paper;
                    }
                }
            }
            else if (proposed.Answers.Count > 0)
            {
                // A statement whose inquiry is not in the file keeps its answers as its text.
                paper.Text = string.Join("\n\n", proposed.Answers.Select(a => $"{a.Number}. {a.Text}"));
            }
            if (proposed.Signatory.Value is { } signatory)
            {
                paper.Signatures.Add(new Signature { Paper = paper, Formula = kind.AnswersQuestions ? Signature.Released : null, Name = signatory, Function = proposed.SignatoryRole.Value });
            }
            var cited = proposed.References.Select(r => r.Value).OfType<string>().ToList();
            foreach (var target in await db.Papers.Where(p => p.BodyId == body.Id && p.Reference != null && cited.Contains(p.Reference)).ToListAsync(cancellationToken))
            {
                paper.References.Add(new PaperReference { FromPaper = paper, ToPaper = target, Kind = PaperReferenceKind.Cites, CitedAs = target.Reference });
            }
            db.Papers.Add(paper);
            created.Add(paper);
        }
        await db.SaveChangesAsync(cancellationToken);
        proposal.Accepted(created.Select(p => p.Id), now, actor);
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    private static async Task NumberAsync(RisDbContext db, Body body, Paper paper, Paper? inquiry, string? number, CancellationToken cancellationToken)
    {
        if (number is null)
        {
            return;
        }
        if (await db.Papers.AnyAsync(p => p.BodyId == body.Id && p.Reference == number, cancellationToken))
        {
            throw new WorkflowException($"Die Drucksachennummer {number} ist bereits vergeben; bitte prüfen Sie, ob das Dokument schon übernommen ist.");
        }
        // Hagen prints the inquiry's number on the statement; the statement itself has none.
        if (inquiry is { Reference: null })
        {
            inquiry.Reference = number;
        }
        else if (inquiry?.Reference != number)
        {
            paper.Reference = number;
        }
    }

    private static readonly Dictionary<string, string> KindKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Anfrage"] = "inquiry",
        ["Antrag"] = "motion",
        ["Änderungsantrag"] = "motion",
        ["Beschlussvorlage"] = "resolution-draft",
        ["Vorlage"] = "resolution-draft",
        ["Mitteilungsvorlage"] = "information",
        ["Informationsvorlage"] = "information",
        ["Mitteilung"] = "information",
        ["Stellungnahme"] = "statement",
    };

    /// <summary>The municipality's kind for a parsed kind word: by its configured name or abbreviation first, then by the usual key.</summary>
    public static PaperKind? KindFor(IReadOnlyList<PaperKind> kinds, string? word)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return null;
        }
        return kinds.FirstOrDefault(k => string.Equals(k.Name, word, StringComparison.OrdinalIgnoreCase) || string.Equals(k.Abbreviation, word, StringComparison.OrdinalIgnoreCase))
            ?? (KindKeys.TryGetValue(word, out var key) ? kinds.FirstOrDefault(k => k.Key == key) : null);
    }

    private static Organization? Match(List<Organization> organizations, string? name) =>
        string.IsNullOrWhiteSpace(name) ? null
            : organizations.FirstOrDefault(o => string.Equals(o.ShortName, name, StringComparison.OrdinalIgnoreCase) || string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
}
