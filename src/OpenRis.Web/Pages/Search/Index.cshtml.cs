using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenRis.Web.Search;

namespace OpenRis.Web.Pages.Search;

public sealed class IndexModel(SearchService search) : PageModel
{
    public static IReadOnlyDictionary<string, string> FacetNames => SearchRequest.FacetLabels;

    public SearchRequest Search { get; private set; } = new();
    public SearchResult? Result { get; private set; }
    public List<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Suche";
        var (request, errors) = SearchRequest.FromQuery(Request.Query);
        if (request is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Search = request;
        if (request.Query.Length == 0 && request.Filters.Count == 0)
        {
            return;
        }
        Result = await search.SearchAsync(request, SearchApi.ActorOf(User), cancellationToken);
        ViewData["Title"] = $"Suche: {request.Query}";
    }

    /// <summary>This search with one facet value switched on or off, back on page 1.</summary>
    public string Toggle(string field, string value)
    {
        var filters = Search.Filters.ToDictionary(f => f.Key, f => f.Value.ToList());
        var values = filters.TryGetValue(field, out var list) ? list : filters[field] = [];
        if (!values.Remove(value))
        {
            values.Add(value);
        }
        var changed = Search with { Filters = filters.Where(f => f.Value.Count > 0).ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value), Page = 1 };
        return "/suche" + changed.ToQueryString();
    }

    /// <summary>Follow this search (its words and filters) by e-mail.</summary>
    public string FollowLink => "/folgen?suche=" + Uri.EscapeDataString(Search.ToSavedSearch());

    public string PageLink(int page) => "/suche" + Search.ToQueryString(page);

    public string SortLink(SearchSort sort) => "/suche" + Search.ToQueryString(sort: sort);
}
