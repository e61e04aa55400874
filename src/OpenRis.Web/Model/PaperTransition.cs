namespace OpenRis.Web.Model;

/// <summary>One step of a paper's workflow: who, when, from which state to which, and why.</summary>
public sealed class PaperTransition
{
    public long Id { get; set; }
    public long PaperId { get; set; }
    public Paper Paper { get; set; } = null!;

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }

    public string Actor { get; set; } = "";
    public PaperStatus From { get; set; }
    public PaperStatus To { get; set; }

    /// <summary>What happened, in German as shown in the history ("eingereicht", "mitgezeichnet" …).</summary>
    public string Action { get; set; } = "";

    public string? Comment { get; set; }
}
