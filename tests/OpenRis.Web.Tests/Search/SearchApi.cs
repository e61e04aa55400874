using System.Net;
using System.Text.Json;

namespace OpenRis.Web.Tests.Search;

/// <summary>GET /api/search as a test reads it: the JSON of one query, which must answer 200.</summary>
internal static class SearchApi
{
    public static async Task<JsonElement> SearchApiAsync(this HttpClient client, string query)
    {
        var token = TestContext.Current.CancellationToken;
        using var response = await client.GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString(query), UriKind.Relative), token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(token)).RootElement.Clone();
    }
}
