using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace OpenRis.Web.Tests.Pages;

/// <summary>The feedback form of the accessibility statement: stored with antiforgery, confirmed clearly, nothing lost on bad input.</summary>
public sealed class AccessibilityFeedbackTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var form = await client.GetPageAsync("/barrierefreiheit");
        fields["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(new Uri("/barrierefreiheit", UriKind.Relative), new FormUrlEncodedContent(fields), Token);
    }

    [Fact]
    public async Task Feedback_IsStoredAndConfirmed()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = new RisApp(database);
        var client = app.Client();

        using var response = await PostAsync(client, new() { ["Message"] = "Der Kalender ist mit dem Screenreader schwer zu lesen.", ["Address"] = "/kalender", ["Email"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmation = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Ihre Rückmeldung ist eingegangen", confirmation.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var stored = Assert.Single(Directory.GetFiles(Path.Combine(database.Folder, "feedback")));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(stored, Token));
        Assert.Equal("Der Kalender ist mit dem Screenreader schwer zu lesen.", json.RootElement.GetProperty("Message").GetString());
        Assert.Equal("/kalender", json.RootElement.GetProperty("Address").GetString());
    }

    [Fact]
    public async Task Feedback_WithBadInput_ExplainsInGermanAndKeepsTheText()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = new RisApp(database);
        var client = app.Client();

        using var response = await PostAsync(client, new() { ["Message"] = "Kontrast zu schwach", ["Email"] = "keine-adresse" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(Token));
        Assert.Contains("gültige E-Mail-Adresse", page.QuerySelector("#Email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kontrast zu schwach", page.QuerySelector("textarea[name=Message]")!.TextContent.Trim());
        Assert.False(Directory.Exists(Path.Combine(database.Folder, "feedback")));

        using var empty = await PostAsync(client, new() { ["Message"] = "" });
        Assert.Contains("Bitte beschreiben Sie die Barriere.", await empty.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_WithoutAntiforgeryToken_IsRejected()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = new RisApp(database);

        using var response = await app.Client().PostAsync(new Uri("/barrierefreiheit", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Message"] = "x" }), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(database.Folder, "feedback")));
    }
}
