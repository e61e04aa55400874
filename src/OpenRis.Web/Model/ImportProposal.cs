using System.Globalization;
using System.Text.Json;

namespace OpenRis.Web.Model;

/// <summary>
/// A legacy document read by the document import, waiting for the council office's review. Nothing of it
/// is a paper until a clerk accepts it; the parsed fields (with their confidence and source line) are kept
/// as JSON because the clerk corrects them as a whole before they become papers.
/// </summary>
public sealed class ImportProposal
{
    public long Id { get; set; }
    public string FileName { get; set; } = "";

    /// <summary>SHA-256 of the file's bytes (hex): the same file imported twice is one proposal.</summary>
    public string ContentHash { get; set; } = "";

    public long Size { get; set; }

    /// <summary>Pdf, Markdown or PlainText, as decided by content.</summary>
    public string Format { get; set; } = "";

    /// <summary>"Ordner" (openris import documents) or "Hochladen" (the review page).</summary>
    public string Channel { get; set; } = "";

    /// <summary>The text as read, one line per line, so that every field's source line can be shown.</summary>
    public string SourceText { get; set; } = "";

    public string PapersJson { get; set; } = "[]";
    public double Confidence { get; set; }
    public ImportProposalStatus Status { get; set; } = ImportProposalStatus.Pending;
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }

    /// <summary>Why the clerk rejected it.</summary>
    public string? RejectionReason { get; set; }

    /// <summary>The papers created on acceptance, in the order of the document.</summary>
    public List<long> PaperIds { get; set; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public List<ProposedPaper> Papers
    {
        get => JsonSerializer.Deserialize<List<ProposedPaper>>(PapersJson, Json) ?? [];
        set => PapersJson = JsonSerializer.Serialize(value, Json);
    }

    public string[] SourceLines => SourceText.Split('\n');

    /// <summary>What the clerk should look at first: missing fields and uncertain values, in German.</summary>
    public List<string> Warnings()
    {
        var warnings = new List<string>();
        var papers = Papers;
        foreach (var (paper, index) in papers.Select((p, i) => (p, i + 1)))
        {
            var which = papers.Count > 1 ? $"Vorlage {index}: " : "";
            if (paper.Kind.Value is null)
            {
                warnings.Add($"{which}Art nicht erkannt");
            }
            if (paper.Subject.Value is null)
            {
                warnings.Add($"{which}Betreff nicht erkannt");
            }
            if (paper.Number.Value is null && paper.Kind.Value != "Stellungnahme" && paper.Kind.Value != "Anfrage")
            {
                warnings.Add($"{which}keine Drucksachennummer");
            }
        }
        if (Confidence < 0.5)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"geringe Sicherheit ({Confidence:0.00})"));
        }
        return warnings;
    }

    public void Correct(List<ProposedPaper> papers, DateTime now, Actor actor)
    {
        RequirePending(actor);
        Papers = papers;
        ReviewedAt = now;
        ReviewedBy = actor.Name;
    }

    public void Reject(string? reason, DateTime now, Actor actor)
    {
        RequirePending(actor);
        Status = ImportProposalStatus.Rejected;
        RejectionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        ReviewedAt = now;
        ReviewedBy = actor.Name;
    }

    /// <summary>Marks the proposal taken over; the papers themselves are made by <see cref="Paper.Imported"/>.</summary>
    public void Accepted(IEnumerable<long> paperIds, DateTime now, Actor actor)
    {
        RequirePending(actor);
        Status = ImportProposalStatus.Accepted;
        PaperIds = [.. paperIds];
        ReviewedAt = now;
        ReviewedBy = actor.Name;
    }

    private void RequirePending(Actor actor)
    {
        if (actor.Role != RisRole.CouncilOffice)
        {
            throw new WorkflowException("Nur das Ratsbüro prüft importierte Dokumente.");
        }
        if (Status != ImportProposalStatus.Pending)
        {
            throw new WorkflowException(Status == ImportProposalStatus.Accepted ? "Der Vorschlag ist bereits übernommen." : "Der Vorschlag ist bereits verworfen.");
        }
    }
}

public enum ImportProposalStatus
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>One parsed value as stored for review; Line 0 means "not from the document" (typed by the clerk).</summary>
public sealed record ProposedField(string? Value, double Confidence = 0, int Line = 0)
{
    public static readonly ProposedField Empty = new((string?)null);

    /// <summary>A value the clerk typed or confirmed changes to certainty 1; an unchanged value keeps its origin.</summary>
    public ProposedField CorrectedTo(string? value)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return trimmed == Value ? this : new ProposedField(trimmed, trimmed is null ? 0 : 1, 0);
    }
}

public sealed record ProposedConsultation(string Body, DateOnly Date, string? Role, double Confidence, int Line);

public sealed record ProposedItem(int Number, string Text, double Confidence, int Line);

/// <summary>A paper as proposed: the parser's fields, later the clerk's corrections.</summary>
public sealed class ProposedPaper
{
    public ProposedField Kind { get; set; } = ProposedField.Empty;
    public ProposedField Number { get; set; } = ProposedField.Empty;
    public ProposedField Subject { get; set; } = ProposedField.Empty;
    public ProposedField Originator { get; set; } = ProposedField.Empty;
    public ProposedField LeadOffice { get; set; } = ProposedField.Empty;
    public ProposedField Date { get; set; } = ProposedField.Empty;
    public ProposedField Signatory { get; set; } = ProposedField.Empty;
    public ProposedField SignatoryRole { get; set; } = ProposedField.Empty;
    public List<ProposedConsultation> Consultations { get; set; } = [];
    public List<ProposedItem> Questions { get; set; } = [];
    public List<ProposedItem> Answers { get; set; } = [];
    public List<ProposedField> References { get; set; } = [];
    public double Confidence { get; set; }
    public int FirstLine { get; set; }
    public int LastLine { get; set; }
}
