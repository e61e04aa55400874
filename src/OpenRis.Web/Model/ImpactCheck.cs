namespace OpenRis.Web.Model;

/// <summary>
/// One entry of the municipality's impact-check catalogue (Inklusion, Finanzen, Klima …): what is
/// asked, which answers are allowed and which need an explanation. Configurable, never hard-coded.
/// </summary>
public sealed class ImpactCheck
{
    public long Id { get; set; }
    public string Key { get; set; } = "";

    /// <summary>Heading, e.g. "Inklusion von Menschen mit Behinderung".</summary>
    public string Title { get; set; } = "";

    /// <summary>Lead-in, e.g. "Belange von Menschen mit Behinderung".</summary>
    public string? Question { get; set; }

    /// <summary>Allowed answers in order, e.g. "sind nicht betroffen", "sind betroffen".</summary>
    public List<string> Options { get; set; } = [];

    /// <summary>Answers that need an explanation.</summary>
    public List<string> OptionsRequiringExplanation { get; set; } = [];

    public bool Public { get; set; } = true;
    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;

    public bool RequiresExplanation(string option) => OptionsRequiringExplanation.Contains(option);
}

/// <summary>A paper's answer to one impact check.</summary>
public sealed class ImpactAssessment
{
    public long Id { get; set; }
    public long PaperId { get; set; }
    public Paper Paper { get; set; } = null!;
    public long ImpactCheckId { get; set; }
    public ImpactCheck ImpactCheck { get; set; } = null!;
    public string Option { get; set; } = "";
    public string? Explanation { get; set; }
}
