using System.Globalization;
using OpenRis.Web.Model;

namespace OpenRis.Web.Import;

/// <summary>German wording of the import for the review pages.</summary>
public static class ImportTexts
{
    public static string Status(ImportProposalStatus status) => status switch
    {
        ImportProposalStatus.Pending => "zu prüfen",
        ImportProposalStatus.Accepted => "übernommen",
        ImportProposalStatus.Rejected => "verworfen",
    };

    /// <summary>"Sicherheit 0,90 · Zeile 92" — where a value came from and how sure the reading is.</summary>
    public static string Origin(double confidence, int line) =>
        line > 0
            ? string.Create(CultureInfo.GetCultureInfo("de-DE"), $"Sicherheit {confidence:0.00} · Zeile {line}")
            : confidence >= 1 ? "vom Ratsbüro eingetragen" : "nicht gefunden";
}
