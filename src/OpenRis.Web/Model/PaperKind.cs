namespace OpenRis.Web.Model;

/// <summary>
/// A kind of paper (Anfrage nach § 5 GeschO, Beschlussvorlage …) as configurable data: each
/// municipality names its own kinds, so code asks a kind's flags instead of matching names.
/// </summary>
public sealed class PaperKind
{
    public long Id { get; set; }

    /// <summary>Stable key used in configuration and code ("inquiry", "statement" …).</summary>
    public string Key { get; set; } = "";

    /// <summary>German name as published; also OParl Paper.paperType.</summary>
    public string Name { get; set; } = "";

    public string? Abbreviation { get; set; }

    /// <summary>Who files papers of this kind.</summary>
    public PaperOriginator FiledBy { get; set; }

    /// <summary>Carries numbered questions to be answered one by one (Anfragen).</summary>
    public bool HasQuestions { get; set; }

    /// <summary>Answers the questions of its superordinated paper (Stellungnahme).</summary>
    public bool AnswersQuestions { get; set; }

    /// <summary>Gives the filer a right to an agenda item (GO NRW § 48 Abs. 1).</summary>
    public bool RequestsAgendaItem { get; set; }

    /// <summary>Key of the number sequence its Drucksachennummer is drawn from.</summary>
    public string NumberSequence { get; set; } = "default";

    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;
}

public enum PaperOriginator
{
    Faction,
    Administration,
    Council,
    Public,
}
