using System.Security.Claims;
using OpenRis.Web.Accounts;
using OpenRis.Web.Model;

namespace OpenRis.Web.Search;

/// <summary><c>GET /api/search?q=…</c>: the search as JSON for integrators and the portal's script; 400 with German messages on bad parameters.</summary>
internal static class SearchApi
{
    public static async Task<IResult> GetAsync(HttpContext http, SearchService search, CancellationToken cancellationToken)
    {
        var (request, errors) = SearchRequest.FromQuery(http.Request.Query);
        if (request is null)
        {
            return TypedResults.Problem(title: "Ungültige Suchanfrage", detail: string.Join(" ", errors), statusCode: StatusCodes.Status400BadRequest);
        }
        var result = await search.SearchAsync(request, ActorOf(http.User), cancellationToken);
        return TypedResults.Json(new
        {
            query = request.Query,
            total = result.Total,
            page = request.Page,
            pageSize = request.PageSize,
            fuzzy = result.Fuzzy,
            reference = result.Reference,
            indexBuilding = result.IndexBuilding,
            hits = result.Hits.Select(h => new { type = h.Type, id = h.Id, title = h.Title, reference = h.Reference, date = h.Date, kind = h.Kind, url = h.Url, snippet = h.SnippetHtml }),
            facets = result.Facets.ToDictionary(f => SearchRequest.Parameters[f.Key], f => f.Value.Select(v => new { value = v.Value, count = v.Count, selected = v.Selected })),
        });
    }

    public static Actor? ActorOf(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.ToActor() : null;
}
