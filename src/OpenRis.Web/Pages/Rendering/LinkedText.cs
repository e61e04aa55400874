using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using OpenRis.Documents;

namespace OpenRis.Web.Pages.Rendering;

/// <summary>Renders plain council text as paragraphs, with every cited paper number linked to its paper.</summary>
public static class LinkedText
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IHtmlContent Paragraphs(string? text, IReadOnlyDictionary<string, long> papersByReference)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return HtmlString.Empty;
        }
        var html = new StringBuilder();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(Inline(paragraph, papersByReference).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }
        return new HtmlString(html.ToString());
    }

    public static string Inline(string text, IReadOnlyDictionary<string, long> papersByReference)
    {
        var html = new StringBuilder();
        var position = 0;
        foreach (var match in PaperNumbers.Find(text))
        {
            if (!papersByReference.TryGetValue(match.Reference, out var id))
            {
                continue;
            }
            var start = text.IndexOf(match.CitedAs, match.Index, StringComparison.Ordinal);
            if (start < position)
            {
                continue;
            }
            html.Append(Encoder.Encode(text[position..start]));
            html.Append("<a href=\"/vorlagen/").Append(id).Append("\">").Append(Encoder.Encode(match.CitedAs)).Append("</a>");
            position = start + match.CitedAs.Length;
        }
        html.Append(Encoder.Encode(text[position..]));
        return html.ToString();
    }

    /// <summary>All paper numbers cited in the given texts.</summary>
    public static HashSet<string> CitedReferences(IEnumerable<string?> texts) =>
        texts.Where(t => t is not null).SelectMany(t => PaperNumbers.Find(t!)).Select(m => m.Reference).ToHashSet();
}
