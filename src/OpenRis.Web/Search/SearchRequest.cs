namespace OpenRis.Web.Search;

/// <summary>
/// A search as the user states it; also the saved search (its query string is the stable URL
/// <c>/suche?q=…&amp;art=…</c>, and <c>/suche.atom?…</c> its feed).
/// </summary>
public sealed record SearchRequest
{
    public const int MaxPageSize = 100;

    public string Query { get; init; } = "";

    /// <summary>Facet field → selected values (AND across fields, OR within one).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;

    /// <summary>The German URL parameter of each facet field.</summary>
    public static readonly IReadOnlyDictionary<string, string> Parameters = new Dictionary<string, string>
    {
        [SearchFields.Kind] = "art",
        [SearchFields.Body] = "gremium",
        [SearchFields.Originator] = "urheber",
        [SearchFields.Year] = "jahr",
        [SearchFields.Status] = "status",
    };

    /// <summary>The German label of each facet field, as the search page and the follow page show it.</summary>
    public static readonly IReadOnlyDictionary<string, string> FacetLabels = new Dictionary<string, string>
    {
        [SearchFields.Kind] = "Art",
        [SearchFields.Body] = "Gremium",
        [SearchFields.Originator] = "Urheber",
        [SearchFields.Year] = "Jahr",
        [SearchFields.Status] = "Status",
    };

    /// <summary>
    /// A saved search as a follow stores it: the query string of the words and filters only (no sort, page or
    /// page size, which do not change what matches), without the leading '?'.
    /// </summary>
    public string ToSavedSearch() => (this with { Sort = SearchSort.Relevance }).ToQueryString().TrimStart('?');

    /// <summary>Reads a saved search (<see cref="ToSavedSearch"/>, or any /suche query string); German errors for bad values.</summary>
    public static (SearchRequest? Request, List<string> Errors) FromSavedSearch(string? savedSearch) =>
        FromQuery(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(savedSearch ?? "")));

    /// <summary>What this search looks for, in German: „Radweg“ (Art: Antrag; Jahr: 2018).</summary>
    public string Describe()
    {
        var filters = Filters.Select(f => $"{FacetLabels[f.Key]}: {string.Join(" oder ", f.Value)}").ToList();
        var words = Query.Length == 0 ? "alle Einträge" : $"„{Query}“";
        return filters.Count == 0 ? words : $"{words} ({string.Join("; ", filters)})";
    }

    /// <summary>Reads q, art, gremium, urheber, jahr, status, sortierung, seite, anzahl; returns German errors for bad values.</summary>
    public static (SearchRequest? Request, List<string> Errors) FromQuery(IQueryCollection query)
    {
        var errors = new List<string>();
        var q = query["q"].ToString().Trim();
        if (q.Length > 500)
        {
            errors.Add("Der Suchbegriff ist zu lang (höchstens 500 Zeichen).");
        }
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (field, parameter) in Parameters)
        {
            var values = query[parameter].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().ToList();
            if (values.Count > 0)
            {
                filters[field] = values;
            }
        }
        var sort = query["sortierung"].ToString() switch
        {
            "" or "relevanz" => SearchSort.Relevance,
            "datum" => SearchSort.Date,
            _ => (SearchSort?)null,
        };
        if (sort is null)
        {
            errors.Add("Sortierung muss \"relevanz\" oder \"datum\" sein.");
        }
        var page = Number(query, "seite", 1, 1, 1000, errors);
        var size = Number(query, "anzahl", 20, 1, MaxPageSize, errors);
        return errors.Count > 0
            ? (null, errors)
            : (new SearchRequest { Query = q, Filters = filters, Sort = sort!.Value, Page = page, PageSize = size }, errors);
    }

    private static int Number(IQueryCollection query, string name, int fallback, int min, int max, List<string> errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        errors.Add($"\"{name}\" muss eine ganze Zahl von {min} bis {max} sein.");
        return fallback;
    }

    /// <summary>The query string of this search without its page: the saved search.</summary>
    public string ToQueryString(int? page = null, SearchSort? sort = null)
    {
        var parts = new List<KeyValuePair<string, string?>>();
        if (Query.Length > 0)
        {
            parts.Add(new("q", Query));
        }
        foreach (var (field, values) in Filters)
        {
            parts.AddRange(values.Select(v => new KeyValuePair<string, string?>(Parameters[field], v)));
        }
        if ((sort ?? Sort) == SearchSort.Date)
        {
            parts.Add(new("sortierung", "datum"));
        }
        if (page is > 1)
        {
            parts.Add(new("seite", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return Microsoft.AspNetCore.Http.QueryString.Create(parts).ToString();
    }
}

public enum SearchSort
{
    Relevance,
    Date,
}

public sealed record SearchHit(string Type, long Id, string Title, string? Reference, DateOnly? Date, string Kind, string Url, string? SnippetHtml, DateTime Modified);

public sealed record FacetValue(string Value, int Count, bool Selected);

public sealed record SearchResult(SearchRequest Request, int Total, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets, bool Fuzzy, string? Reference)
{
    /// <summary>The index is being built (first start, or after an update changed its format): hits may be missing.</summary>
    public bool IndexBuilding { get; init; }

    public int Pages => (Total + Request.PageSize - 1) / Request.PageSize;
}
