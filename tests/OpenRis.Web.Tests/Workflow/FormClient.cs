using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenRis.Web.Demo;

namespace OpenRis.Web.Tests.Workflow;

/// <summary>
/// Drives the workspace as a person would: GET a page, find the form by its button, send back every
/// field as the browser would (hidden antiforgery token included) with the values typed in.
/// </summary>
internal static class FormClient
{
    private static readonly HtmlParser Parser = new();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A client with its own cookies, signed in through /anmelden.</summary>
    public static async Task<HttpClient> SignInAsync(this RisApp app, string userName, string password = DemoAccounts.Password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.SubmitAsync("/anmelden", "Anmelden", new() { ["UserName"] = userName, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<IHtmlDocument> PageAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Token);
        var html = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return await Parser.ParseDocumentAsync(html);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(Token));

    /// <summary>Fills the form whose submit button reads <paramref name="button"/> and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string path, string button,
        Dictionary<string, string> values, Dictionary<string, string[]>? multi = null, (string Field, string FileName, byte[] Content)? file = null) =>
        await (await client.OpenFormAsync(path, button)).PostAsync(values, multi, file);

    /// <summary>Loads the form now and posts it later, as a person who keeps a page open while someone else saves.</summary>
    public static async Task<LoadedForm> OpenFormAsync(this HttpClient client, string path, string button)
    {
        var page = await client.PageAsync(path);
        var form = page.Forms.FirstOrDefault(f => f.QuerySelectorAll("button").Any(b => b.TextContent.Trim().StartsWith(button, StringComparison.Ordinal)))
            ?? throw new InvalidOperationException($"No form with a button \"{button}\" on {path}.");
        // A button may post elsewhere than its form (formaction), as a browser honours it.
        var buttonAction = form.QuerySelectorAll("button").First(b => b.TextContent.Trim().StartsWith(button, StringComparison.Ordinal)).GetAttribute("formaction");
        var action = buttonAction is { Length: > 0 } b ? b : form.GetAttribute("action") is { Length: > 0 } a ? a : path;
        return new LoadedForm(client, action, form.Enctype == "multipart/form-data", Fields(form));
    }

    internal sealed record LoadedForm(HttpClient Client, string Action, bool Multipart, List<KeyValuePair<string, string>> Loaded)
    {
        public async Task<HttpResponseMessage> PostAsync(Dictionary<string, string> values,
            Dictionary<string, string[]>? multi = null, (string Field, string FileName, byte[] Content)? file = null)
        {
            var fields = Loaded.Where(f => !values.ContainsKey(f.Key) && !(multi?.ContainsKey(f.Key) ?? false)).ToList();
            fields.AddRange(values);
            foreach (var (name, list) in multi ?? [])
            {
                fields.AddRange(list.Select(v => new KeyValuePair<string, string>(name, v)));
            }
            HttpContent content;
            if (Multipart)
            {
                var multipart = new MultipartFormDataContent();
                foreach (var (name, value) in fields)
                {
                    multipart.Add(new StringContent(value), name);
                }
                if (file is { } f)
                {
                    multipart.Add(new ByteArrayContent(f.Content), f.Field, f.FileName);
                }
                content = multipart;
            }
            else
            {
                content = new FormUrlEncodedContent(fields);
            }
            return await Client.PostAsync(new Uri(Action, UriKind.Relative), content, Token);
        }
    }

    /// <summary>A bare POST with a valid antiforgery token (taken from the workspace page), as a forged or stale form would send.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string path)
    {
        var page = await client.PageAsync("/arbeitsbereich");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Token);
    }

    /// <summary>The value of an option of a select, found by its visible text.</summary>
    public static string Option(this IHtmlDocument page, string selectName, string textContains) =>
        page.QuerySelectorAll<IHtmlSelectElement>($"select[name='{selectName}']").Single().Options
            .First(o => o.TextContent.Contains(textContains, StringComparison.Ordinal)).Value;

    private static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Name is { Length: > 0 } name && input.Type != "file":
                    if ((input.Type is "radio" or "checkbox") && !input.IsChecked)
                    {
                        continue;
                    }
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area when area.Name is { Length: > 0 } name:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select when select.Name is { Length: > 0 } name:
                    var selected = select.SelectedOptions.Length > 0 ? select.SelectedOptions[0] : select.Options.Length > 0 ? select.Options[0] : null;
                    fields.Add(new(name, selected?.Value ?? ""));
                    break;
            }
        }
        return fields;
    }

    public static string Location(this HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"No redirect ({(int)response.StatusCode}).");
}
