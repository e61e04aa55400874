using AngleSharp.Html.Parser;
using OpenRis.Documents.Official;

namespace OpenRis.Documents.Tests.Official;

public sealed class OfficialDocumentHtmlTests
{
    private static AngleSharp.Dom.IElement Parse(string html)
    {
        var document = new HtmlParser().ParseDocument($"<!doctype html><html><body>{html}</body></html>");
        return Assert.Single(document.QuerySelectorAll("article"));
    }

    [Fact]
    public void Render_SeedStatement_HeadingsInOrderListsAndSignature()
    {
        var article = Parse(OfficialDocumentHtml.Render(SeedDocuments.Letterhead, SeedDocuments.Statement()));

        Assert.Equal("de", article.GetAttribute("lang"));
        Assert.Equal(["H1:Öffentliche Stellungnahme", "H2:Stellungnahme"], article.QuerySelectorAll("h1,h2,h3").Select(h => $"{h.TagName}:{h.TextContent}"));
        var answers = article.QuerySelectorAll("ol > li");
        Assert.Equal(["1", "2", "3"], answers.Select(li => li.GetAttribute("value")));
        Assert.Equal(3, answers[0].QuerySelectorAll("p").Length);
        Assert.Equal(SeedDocuments.Answers[2].Paragraphs[0], answers[2].TextContent);
        Assert.Equal(
            ["Amt/Eigenbetrieb und ggf. beteiligte Ämter", "Drucksachennummer", "Datum", "Betreff", "Bezug", "Beratungsfolge"],
            article.QuerySelectorAll("dt").Select(dt => dt.TextContent));
        Assert.Equal("hier: E-Government - Digitalisierungsstrategie", article.QuerySelectorAll("dd")[4].TextContent);
        Assert.Equal("gez.Erik O. SchulzOberbürgermeister", article.QuerySelector(".signatures")!.TextContent.Replace("\n", "", StringComparison.Ordinal));
        Assert.Contains("Stadt Hagen", article.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SeedInquiry_FormThenLetter()
    {
        var article = Parse(OfficialDocumentHtml.Render(SeedDocuments.Letterhead, SeedDocuments.Inquiry()));

        var headings = article.QuerySelectorAll("h1,h2,h3,h4,h5,h6").Select(h => int.Parse(h.TagName[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(1, headings[0]);
        Assert.Single(headings, level => level == 1);
        // No level is skipped going down (WCAG 1.3.1).
        Assert.All(headings.Zip(headings.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"h{pair.First} → h{pair.Second}"));
        Assert.Equal(2, article.QuerySelectorAll("ol").Length); // the form's questions and the letter's
        Assert.Equal(SeedDocuments.Questions, article.QuerySelectorAll("ol")[0].QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Equal("Herrn OberbürgermeisterErik O. SchulzRathausstr. 1358095 Hagen", article.QuerySelector("address.addressee")!.TextContent);
        Assert.Contains("f. d. R.: Karin Nigbur-Martini", article.QuerySelectorAll(".signatory")[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("14. September 2018", article.QuerySelector("p.date")!.TextContent);
    }

    [Fact]
    public void Render_UserTextWithMarkup_IsEncodedNotExecuted()
    {
        var hostile = SeedDocuments.Inquiry() with
        {
            Regarding = "<script>alert('x')</script> & \"Anführung\"",
            Questions = ["Frage mit <b>Fett</b> und <img src=x onerror=alert(1)>?"],
        };
        var html = OfficialDocumentHtml.Render(SeedDocuments.Letterhead, hostile);
        var article = Parse(html);

        Assert.Empty(article.QuerySelectorAll("script, img, b"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("hier: <script>alert('x')</script> & \"Anführung\"", article.TextContent, StringComparison.Ordinal);
        Assert.Equal("Frage mit <b>Fett</b> und <img src=x onerror=alert(1)>?", article.QuerySelector("ol li")!.TextContent);
        Assert.Empty(article.QuerySelectorAll("[style], [onclick], [onerror]"));
    }
}
