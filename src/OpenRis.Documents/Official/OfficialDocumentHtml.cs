using System.Globalization;
using System.Net;
using System.Text;

namespace OpenRis.Documents.Official;

/// <summary>
/// Official documents as accessible HTML fragments: one article in German, headings in order,
/// numbered questions and answers as ordered lists, fields as a description list, no script and
/// no inline style. Every text is HTML-encoded, so user input cannot inject markup.
/// </summary>
public static class OfficialDocumentHtml
{
    public static string Render(Letterhead letterhead, InquiryDocument inquiry) => Render(OfficialLayout.Of(letterhead, inquiry), "inquiry");

    public static string Render(Letterhead letterhead, StatementDocument statement) => Render(OfficialLayout.Of(letterhead, statement), "statement");

    public static string Render(Letterhead letterhead, PublicNoticeDocument notice) => Render(OfficialLayout.Of(letterhead, notice), "notice");

    private static string Render(OfficialLayout layout, string kind)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"official-document official-{kind}\" lang=\"de\">\n");
        var fields = false;
        foreach (var block in layout.Blocks)
        {
            if (fields && block is not Field)
            {
                html.Append("</dl>\n");
                fields = false;
            }
            switch (block)
            {
                case Field field:
                    if (!fields)
                    {
                        html.Append("<dl class=\"fields\">\n");
                        fields = true;
                    }
                    html.Append(CultureInfo.InvariantCulture, $"<dt>{E(field.Label)}</dt>\n");
                    foreach (var value in field.Values)
                    {
                        html.Append(CultureInfo.InvariantCulture, $"<dd>{E(value)}</dd>\n");
                    }
                    break;
                case Heading heading:
                    html.Append(CultureInfo.InvariantCulture, $"<h{heading.Level}>{E(heading.Text)}</h{heading.Level}>\n");
                    break;
                case Paragraph paragraph:
                    html.Append(CultureInfo.InvariantCulture, $"<p>{E(paragraph.Text)}</p>\n");
                    break;
                case Lines lines:
                    AppendLines(html, lines);
                    break;
                case NumberedList list:
                    AppendList(html, list);
                    break;
                case SignatureBlock signature:
                    AppendSignature(html, signature);
                    break;
                case PageBreak:
                    html.Append("<hr class=\"page-break\">\n");
                    break;
            }
        }
        if (fields)
        {
            html.Append("</dl>\n");
        }
        html.Append("</article>\n");
        return html.ToString();
    }

    private static void AppendLines(StringBuilder html, Lines lines)
    {
        var (open, close) = lines.Role switch
        {
            LineRole.Letterhead => ("<header class=\"letterhead\">", "</header>"),
            LineRole.Address => ("<address class=\"addressee\">", "</address>"),
            LineRole.Contact => ("<address class=\"contact\">", "</address>"),
            LineRole.Sender => ("<p class=\"sender\">", "</p>"),
            LineRole.Date => ("<p class=\"date\">", "</p>"),
        };
        html.Append(open);
        html.Append(string.Join("<br>", lines.Text.Select(E)));
        html.Append(close).Append('\n');
    }

    private static void AppendList(StringBuilder html, NumberedList list)
    {
        html.Append(list.Emphasis ? "<ol class=\"emphasis\">\n" : "<ol>\n");
        foreach (var item in list.Items)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li value=\"{item.Number}\">");
            foreach (var paragraph in item.Paragraphs)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>{E(paragraph)}</p>");
            }
            html.Append("</li>\n");
        }
        html.Append("</ol>\n");
    }

    private static void AppendSignature(StringBuilder html, SignatureBlock signature)
    {
        html.Append("<div class=\"signatures\">\n");
        if (signature.Prefix is { } prefix)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(prefix)}</p>\n");
        }
        foreach (var signatory in signature.Signatories)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"signatory\">{E(OfficialLayout.SignatureName(signatory))}<br>{E(signatory.Role)}</p>\n");
        }
        html.Append("</div>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
