using System.Globalization;
using OpenRis.Documents.Official;
using OpenRis.Web.Model;

namespace OpenRis.Web.Files;

/// <summary>
/// The faction's letter to the mayor that goes with its inquiry (the seed's attachment), written from
/// the workflow data: the filing faction and its address, the date of receipt, the subject, the
/// target meeting, the reasoning and the signatories ("f. d. R." for the faction office).
/// Addressee and salutation come from the Letterhead settings.
/// </summary>
public static class InquiryCoverLetter
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Null for a paper without a filing faction or without signatories: there is no letter to print.</summary>
    public static CoverLetter? For(Paper inquiry, TargetMeeting meeting, LetterheadOptions letterhead)
    {
        var faction = inquiry.OriginatorOrganizations.FirstOrDefault(o => o.IsFaction) ?? inquiry.OriginatorOrganizations.FirstOrDefault();
        if (faction is null || inquiry.Signatures.Count == 0)
        {
            return null;
        }
        var address = faction.Location is { } l
            ? new[] { l.StreetAddress, string.Join(' ', new[] { l.PostalCode, l.Locality }.OfType<string>()) }.Where(s => !string.IsNullOrWhiteSpace(s)).ToList()
            : [];
        var filed = inquiry.ReceivedAt is { } received ? DateOnly.FromDateTime(Berlin.ToLocal(received)) : inquiry.Date ?? meeting.Date;
        var subject = inquiry.Subject is { } regarding ? $"{inquiry.Kind.Name}: {regarding}" : inquiry.Kind.Name;
        return new CoverLetter(
            (faction.ShortName ?? faction.Name).ToUpper(German),
            string.Join(", ", address.Prepend(faction.Name)),
            faction.Website is { } web ? [$"Internet: {web}"] : [],
            [.. letterhead.CoverLetterAddressee, .. letterhead.AddressLines],
            filed,
            subject,
            letterhead.CoverLetterSalutation,
            [$"für die Sitzung „{meeting.Organization}“ am {meeting.Date.ToString("dd.MM.yyyy", German)} reichen wir die folgende {inquiry.Kind.Name} ein und beantragen die Aufnahme in die Tagesordnung."],
            "Wir bitten um die Beantwortung der folgenden Fragen:",
            Paragraphs(inquiry.Reasoning),
            "Mit freundlichen Grüßen",
            [.. inquiry.Signatures.OrderBy(s => s.Position).Where(s => s.Formula != Signature.Released)
                .Select(s => new Signatory(s.Name, s.Function ?? "", ForTheRecord: s.Formula == Signature.CertifiedCorrect))]);
    }

    internal static List<string> Paragraphs(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
