using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenRis.Web.Search;

namespace OpenRis.Web.Tests.Hosting;

/// <summary>
/// OpenRIS takes no HTML or Markdown from users: every text is plain text and is HTML-encoded wherever it
/// becomes HTML — Razor pages, the linked paragraphs of paper texts (LinkedText builds HTML itself), the
/// official document as HTML (OfficialDocumentHtml) and the search snippets shown with Html.Raw (Lucene's
/// SimpleHTMLEncoder). So there is nothing to sanitise; this test proves script, event handlers and
/// javascript: URLs in every such field come out as text. The workspace forms are covered by BadInputTests.
/// </summary>
public sealed class HtmlInjectionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private const string Payload = "<script>alert('s')</script><img src=x onerror=\"alert('i')\"><a href=\"javascript:alert('a')\">klick</a><svg onload=alert('v')>";

    [Fact]
    public async Task ScriptEventHandlersAndJavascriptUrls_InPublishedTexts_ComeOutInert()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = new RisApp(database);
        var anonymous = app.Client();
        long id;
        await using (var db = database.NewContext())
        {
            var inquiry = await db.Papers.Include(p => p.Questions).SingleAsync(p => p.Reference == "0930/2018", Token);
            id = inquiry.Id;
            inquiry.Name += " " + Payload;
            // Next to a cited paper number, so the linking path of LinkedText is taken as well.
            inquiry.Text = $"Xsswortmarke {Payload} siehe 0853/2018{Payload}\n\n{inquiry.Text}";
            inquiry.Reasoning = Payload + "\n" + Payload;
            inquiry.Summary = Payload;
            var question = inquiry.Questions.OrderBy(q => q.Number).First();
            question.Text = Payload + " " + question.Text;
            question.Answer = Payload;
            await db.SaveChangesAsync(Token);
        }
        await app.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(Token);

        foreach (var path in new[] { $"/vorlagen/{id}", $"/vorlagen/{id}/dokument.html", "/vorlagen", "/suche?q=Xsswortmarke", "/suche?q=onerror" })
        {
            using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative), Token);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync(Token);
            var page = await new HtmlParser().ParseDocumentAsync(html);
            AssertInert(page, path);
            Assert.Contains("alert(", page.Body!.TextContent, StringComparison.Ordinal);
        }
        var search = await new HtmlParser().ParseDocumentAsync(await anonymous.GetStringAsync(new Uri("/suche?q=Xsswortmarke", UriKind.Relative), Token));
        Assert.Contains(search.QuerySelectorAll(".snippet"), s => s.QuerySelector("mark") is not null && s.TextContent.Contains("<script>", StringComparison.Ordinal));
        // The JSON API carries the same encoded snippet: a client that inserts it as HTML is safe too.
        using var api = System.Text.Json.JsonDocument.Parse(await anonymous.GetStringAsync(new Uri("/api/search?q=Xsswortmarke", UriKind.Relative), Token));
        var snippets = api.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("snippet").GetString() ?? "").ToList();
        Assert.Contains(snippets, s => s.Contains("&lt;script&gt;", StringComparison.Ordinal));
        Assert.DoesNotContain(snippets, s => s.Contains("<script", StringComparison.OrdinalIgnoreCase) || s.Contains("<img", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>No inline script, no event handler attribute, no javascript: URL anywhere in the page.</summary>
    private static void AssertInert(IDocument page, string path)
    {
        Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.GetAttribute("src")?.StartsWith('/') == true, $"{path}: inline script {s.OuterHtml}"));
        Assert.Empty(page.QuerySelectorAll("svg[onload], img[src=x]"));
        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{path}: {element.LocalName} has {attribute.Name}");
                Assert.False(attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{path}: {element.LocalName} {attribute.Name}={attribute.Value}");
            }
        }
    }
}
