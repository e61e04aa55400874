namespace OpenRis.Web.Model;

/// <summary>
/// A signatory line of a paper: "gez." for the approver's release, "f. d. R." (für die
/// Richtigkeit) for the faction office, or a plain signature.
/// </summary>
public sealed class Signature
{
    public long Id { get; set; }
    public long PaperId { get; set; }
    public Paper Paper { get; set; } = null!;
    public int Position { get; set; }

    /// <summary>"gez.", "f. d. R." or empty.</summary>
    public string? Formula { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Function as printed, e.g. "Oberbürgermeister", "Fraktionsvorsitzender Hagen Aktiv".</summary>
    public string? Function { get; set; }

    public long? PersonId { get; set; }
    public Person? Person { get; set; }

    public DateTime? SignedAt { get; set; }

    public const string Released = "gez.";
    public const string CertifiedCorrect = "f. d. R.";
}
