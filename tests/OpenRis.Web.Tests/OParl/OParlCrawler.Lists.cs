using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace OpenRis.Web.Tests.OParl;

public sealed partial class OParlCrawler
{
    private static readonly string[] FilterNames = ["created_since", "created_until", "modified_since", "modified_until", "omit_internal", "limit"];
    private static readonly string[] RequiredLinks = ["first", "self", "last"];

    /// <summary>One page as walked: the URL asked, its ids, its links, its pagination.</summary>
    private sealed record Page(string Url, List<string> Ids, JsonObject Links, JsonObject Pagination)
    {
        public string? Link(string name) => OParlRules.Text(Links, name);
    }

    /// <summary>The URL of a list's first page with this crawl's limit and filters.</summary>
    public string StartUrl(string listUrl)
    {
        var query = new List<string>();
        if (Options.Limit is int limit)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"limit={limit}"));
        }
        if (!string.IsNullOrEmpty(Options.Filter))
        {
            query.Add(Options.Filter);
        }
        return query.Count == 0 ? listUrl : listUrl + (listUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", query);
    }

    /// <summary>
    /// Walks a list forwards by next and backwards by prev from last, checking every page, and
    /// returns the ids in list order. A list is walked once per crawl.
    /// </summary>
    public async Task<List<string>> WalkListAsync(string listUrl, string type, string? bodyId = null)
    {
        if (_lists.TryGetValue(listUrl, out var known))
        {
            return known;
        }
        var start = StartUrl(listUrl);
        var forward = await FollowAsync(start, "next", type, bodyId);
        var ids = forward.SelectMany(p => p.Ids).ToList();
        _lists[listUrl] = ids;
        _listTypes[listUrl] = type;
        foreach (var duplicate in ids.GroupBy(i => i).Where(g => g.Count() > 1))
        {
            Report.Fail("spec:list-duplicates", $"{start}: {duplicate.Key} comes {duplicate.Count()} times");
        }
        if (forward.Count == 0)
        {
            return ids;
        }

        var perPage = forward.Select(p => Number(p.Pagination, "elementsPerPage")).ToList();
        if (perPage.Take(forward.Count - 1).Distinct().Count() > 1)
        {
            Report.Fail("spec:list-elementsPerPage", $"{start}: elementsPerPage changes between pages: {string.Join(", ", perPage)}");
        }
        var expectedPerPage = Options.Limit ?? Options.DefaultLimit;
        if (perPage.Any(n => n != expectedPerPage))
        {
            Report.Fail("checklist:list-limit", $"{start}: elementsPerPage {string.Join(", ", perPage.Distinct())}, asked for {expectedPerPage}");
        }
        foreach (var page in forward.SkipLast(1).Where(p => p.Ids.Count != expectedPerPage))
        {
            Report.Fail("checklist:list-limit", $"{page.Url}: {page.Ids.Count} objects on a page that is not the last (limit {expectedPerPage})");
        }
        foreach (var page in forward.Where(p => p.Ids.Count > expectedPerPage))
        {
            Report.Fail("checklist:list-limit", $"{page.Url}: {page.Ids.Count} objects, more than limit {expectedPerPage}");
        }
        foreach (var page in forward.Where(p => p.Pagination.ContainsKey("totalElements") && Number(p.Pagination, "totalElements") != ids.Count))
        {
            Report.Fail("checklist:list-totalElements", $"{page.Url}: totalElements {Number(page.Pagination, "totalElements")}, but the list has {ids.Count}");
        }
        if (forward[0].Link("first") is { } first && first != start)
        {
            var again = await FollowAsync(first, null, type, bodyId);
            if (again.Count == 1 && !again[0].Ids.SequenceEqual(forward[0].Ids))
            {
                Report.Fail("spec:list-first", $"{first}: the first link gives other objects than the first page");
            }
        }
        if (forward[0].Link("last") is { } last)
        {
            await CheckBackwardsAsync(start, last, ids, type, bodyId);
        }
        return ids;
    }

    /// <summary>From last, prev leads back over the same objects in the same order.</summary>
    private async Task CheckBackwardsAsync(string start, string last, List<string> forward, string type, string? bodyId)
    {
        var backward = await FollowAsync(last, "prev", type, bodyId);
        if (backward.Count == 0)
        {
            return;
        }
        if (backward[0].Link("next") is { } next)
        {
            Report.Fail("spec:list-last", $"{last}: the last page links a next page {next}");
        }
        if (forward.Count > 0 && backward[0].Ids.LastOrDefault() != forward[^1])
        {
            Report.Fail("spec:list-last", $"{last}: the last page ends with {backward[0].Ids.LastOrDefault()}, the list with {forward[^1]}");
        }
        var ids = Enumerable.Reverse(backward).SelectMany(p => p.Ids).ToList();
        if (!ids.SequenceEqual(forward))
        {
            Report.Fail("spec:list-prev", $"{start}: walking prev from last gives {ids.Count} objects ({ids.Except(forward).Count()} unknown, {forward.Except(ids).Count()} missed), walking next gives {forward.Count}");
        }
    }

    /// <summary>Pages from url on, following the given link until it is absent (null: just this page).</summary>
    private async Task<List<Page>> FollowAsync(string url, string? link, string type, string? bodyId)
    {
        var pages = new List<Page>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? next = url; next is not null;)
        {
            if (!seen.Add(next))
            {
                Report.Fail("spec:list-loop", $"{url}: {link} leads back to {next}, already seen");
                break;
            }
            if (pages.Count >= MaxPages)
            {
                Report.Fail("spec:list-loop", $"{url}: more than {MaxPages} pages by {link}");
                break;
            }
            var page = await PageAsync(next, url, pages.Count == 0, type, bodyId);
            if (page is null)
            {
                break;
            }
            pages.Add(page);
            next = link is null ? null : page.Link(link);
        }
        return pages;
    }

    private async Task<Page?> PageAsync(string url, string start, bool isStart, string type, string? bodyId)
    {
        var json = await GetJsonAsync(url, "spec:list-page");
        if (json is null)
        {
            return null;
        }
        if (json["data"] is not JsonArray data || json["pagination"] is not JsonObject pagination || json["links"] is not JsonObject links)
        {
            Report.Fail("spec:list-page-shape", $"{url}: not a list page with data[], pagination{{}} and links{{}}");
            return null;
        }
        foreach (var name in RequiredLinks.Where(n => OParlRules.Text(links, n) is null))
        {
            Report.Fail("checklist:list-links", $"{url}: links has no {name}");
        }
        var self = OParlRules.Text(links, "self");
        if (self is not null && (isStart ? !SameQuery(self, url, exact: true) : self != url))
        {
            Report.Fail("checklist:list-self", $"{url}: self is {self}");
        }
        foreach (var (name, target) in links.Where(l => l.Value is JsonValue).Select(l => (l.Key, l.Value!.ToString())).Where(l => l.Key != "web"))
        {
            if (!SameQuery(start, target, exact: false))
            {
                Report.Fail("spec:list-filters-kept", $"{url}: links.{name} {target} does not keep the filters of {start}");
            }
        }
        if (OParlRules.Text(links, "web") is { } web)
        {
            _web.Add(web);
        }
        var ids = new List<string>();
        foreach (var item in data)
        {
            if (item is not JsonObject o)
            {
                Report.Fail("spec:list-page-shape", $"{url}: data holds {item?.ToJsonString(OParlRules.Readable) ?? "null"}");
                continue;
            }
            var id = OParlRules.Text(o, "id") ?? "(no id)";
            ids.Add(id);
            if (_listed.TryGetValue(id, out var before))
            {
                if (!JsonNode.DeepEquals(before, o))
                {
                    Report.Fail("checklist:list-data-stable", $"{id}: differs between {url} and an earlier page");
                }
                continue;
            }
            _listed[id] = o;
            Collect(o, rules.CheckStandalone(o, type, Report, Options.IncludesTombstones, Options.OmitsInternal));
            if (bodyId is not null && OParlRules.Text(o, "body") is { } body && body != bodyId)
            {
                Report.Fail("spec:list-body", $"{id} in a list of {bodyId} belongs to body {body}");
            }
        }
        return new Page(url, ids, links, pagination);
    }

    /// <summary>
    /// Same path, and the filters of <paramref name="asked"/> in <paramref name="link"/> with equal
    /// meaning (instants compared as instants); exact: also no other parameter besides cursors.
    /// </summary>
    private bool SameQuery(string asked, string link, bool exact)
    {
        static (string Path, Dictionary<string, string> Query) Split(string url)
        {
            var q = url.IndexOf('?', StringComparison.Ordinal);
            var query = q < 0 ? [] : QueryHelpers.ParseQuery(url[q..]).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
            return (q < 0 ? url : url[..q], query);
        }
        var (askedPath, askedQuery) = Split(asked);
        var (linkPath, linkQuery) = Split(link);
        if (askedPath != linkPath)
        {
            return false;
        }
        foreach (var name in FilterNames)
        {
            var has = askedQuery.TryGetValue(name, out var value);
            if (name == "limit" && value == Options.DefaultLimit.ToString(CultureInfo.InvariantCulture))
            {
                continue;
            }
            var kept = linkQuery.TryGetValue(name, out var linked);
            if (has && (!kept || !SameValue(value!, linked!)) || exact && !has && kept)
            {
                return false;
            }
        }
        return true;
    }

    private static bool SameValue(string a, string b)
    {
        static DateTimeOffset? Instant(string v) =>
            DateTimeOffset.TryParse(v.Replace(' ', '+'), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
        return a == b || Instant(a) is { } x && Instant(b) is { } y && x == y;
    }

    private static long? Number(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<long>() : null;
}
