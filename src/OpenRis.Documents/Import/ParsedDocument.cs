namespace OpenRis.Documents.Import;

/// <summary>
/// A value found in a document, how sure the parser is (0–1) and where it stands, so that the clerk
/// can check it against the source. Line is 1-based; Source is the line as read.
/// </summary>
public sealed record ParsedField<T>(T Value, double Confidence, int Line, string Source);

public sealed record ParsedConsultation(string Body, DateOnly Date, string? Role);

/// <summary>A numbered question or answer; Question is set where a statement repeats the question before answering it.</summary>
public sealed record NumberedItem(int Number, string Text, string? Question = null);

/// <summary>One council paper found in a document (a file may hold an inquiry and the statement answering it).</summary>
public sealed class ParsedPaper
{
    public int FirstLine { get; init; }
    public int LastLine { get; init; }
    public ParsedField<string>? Kind { get; set; }
    public ParsedField<string>? Number { get; set; }
    public ParsedField<string>? Subject { get; set; }
    public ParsedField<string>? Originator { get; set; }
    public ParsedField<string>? LeadOffice { get; set; }
    public ParsedField<string>? Signatory { get; set; }
    public ParsedField<string>? SignatoryRole { get; set; }
    public ParsedField<DateOnly>? Date { get; set; }
    public List<ParsedField<ParsedConsultation>> Consultations { get; } = [];
    public List<ParsedField<NumberedItem>> Questions { get; } = [];
    public List<ParsedField<NumberedItem>> Answers { get; } = [];
    public List<ParsedField<string>> References { get; } = [];

    /// <summary>
    /// How complete and certain the paper is: the mean confidence over the fields every paper has
    /// (a missing field counts 0), so one lucky match in noise stays low.
    /// </summary>
    public double Confidence
    {
        get
        {
            double[] core =
            [
                Kind?.Confidence ?? 0,
                Number?.Confidence ?? 0,
                Subject?.Confidence ?? 0,
                Math.Max(Originator?.Confidence ?? 0, LeadOffice?.Confidence ?? 0),
                Math.Max(Consultations.Count > 0 ? Consultations.Max(c => c.Confidence) : 0, Date?.Confidence ?? 0),
                Math.Max(Signatory?.Confidence ?? 0, Math.Max(Questions.Count > 0 ? 0.8 : 0, Answers.Count > 0 ? 0.8 : 0)),
            ];
            return Math.Round(core.Average(), 2);
        }
    }
}

/// <summary>What the parser made of a whole file: the papers in it, or why it is no council paper.</summary>
public sealed record ParsedDocument(IReadOnlyList<ParsedPaper> Papers, string? NotAPaperBecause)
{
    public bool IsCouncilPaper => NotAPaperBecause is null && Papers.Count > 0;

    public double Confidence => Papers.Count == 0 ? 0 : Papers.Max(p => p.Confidence);

    public static ParsedDocument NotAPaper(string because) => new([], because);
}
