namespace OpenRis.Web.Model;

/// <summary>A reference from one paper to another: cited in its text, or related by hand.</summary>
public sealed class PaperReference
{
    public long Id { get; set; }
    public long FromPaperId { get; set; }
    public Paper FromPaper { get; set; } = null!;
    public long ToPaperId { get; set; }
    public Paper ToPaper { get; set; } = null!;
    public PaperReferenceKind Kind { get; set; }

    /// <summary>The words as they stand in the citing text, e.g. "Vorlagennummer 1159/2017".</summary>
    public string? CitedAs { get; set; }
}

public enum PaperReferenceKind
{
    /// <summary>Mentioned in the text; OParl relatedPaper.</summary>
    Cites,

    /// <summary>Linked by a clerk; OParl relatedPaper.</summary>
    Related,
}
