using System.Net;
using System.Text.Json.Nodes;

namespace OpenRis.Web.Tests.OParl;

/// <summary>
/// The list filters (OParl 1.1 §2.5; oparl-notes §6.4, §10 #11–13): created/modified since/until
/// with inclusive bounds at the values the objects show, the lenient spellings clients really
/// send, 400 with the Error object for garbage, omit_internal, and all of it kept in every link.
/// </summary>
public sealed class FilterTests(OParlSites sites)
{
    private const string Lists = OParlSite.Api + "/body/1/";

    private static readonly (string Filter, string Stamp, bool Since)[] DateFilters =
        [("created_since", "created", true), ("created_until", "created", false), ("modified_since", "modified", true), ("modified_until", "modified", false)];

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task DateFilters_AreInclusive_AtEveryValueTheObjectsShow(string provider)
    {
        var site = await sites.DemoAsync(provider);
        var failures = new List<string>();
        var thresholds = 0;

        foreach (var list in new[] { "paper", "organization", "agendaItem", "membership", "file" })
        {
            var all = ListTests.Data((await site.GetJsonAsync(Lists + list + "?limit=1000")).Json);
            foreach (var (filter, stamp, since) in DateFilters)
            {
                foreach (var value in all.Select(o => OParlRules.Text(o, stamp)!).Distinct())
                {
                    var at = OParlRules.DateTime(value)!.Value;
                    var expected = all.Where(o => OParlRules.DateTime(OParlRules.Text(o, stamp)) is { } t && (since ? t >= at : t <= at)).Select(o => OParlRules.Text(o, "id")!).ToList();
                    var url = $"{Lists}{list}?limit=1000&{filter}={Uri.EscapeDataString(value)}";
                    var got = ListTests.Ids((await site.GetJsonAsync(url)).Json);
                    thresholds++;
                    if (!got.ToHashSet().SetEquals(expected))
                    {
                        failures.Add($"{url}: {got.Count} objects, but {expected.Count} show a {stamp} {(since ? ">=" : "<=")} {value} (missing: {string.Join(", ", expected.Except(got).Take(3))})");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {thresholds} filters are not inclusive at the value an object shows:\n{string.Join("\n", failures.Take(12))}");
        Assert.True(thresholds >= 20, $"only {thresholds} thresholds tried");
    }

    /// <summary>
    /// One instant, spelled as clients send it: raw "+" (arrives as a space), %2B, an encoded
    /// space, Z, other offsets, fractions, fully encoded, a bare date (midnight, German time).
    /// </summary>
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task LenientSpellings_OfOneInstant_GiveTheSameObjectsAndTheSameCanonicalLinks(string provider)
    {
        var site = await sites.DemoAsync(provider);
        (string List, string[] Spellings)[] cases =
        [
            ("paper", ["2024-07-02T10:00:00%2B02:00", "2024-07-02T10:00:00+02:00", "2024-07-02T10:00:00%2002:00", "2024-07-02T08:00:00Z", "2024-07-02T08:00:00z",
                "2024-07-02T08:00:00%2B00:00", "2024-07-02T04:00:00-04:00", "2024-07-02T10:00:00.000%2B02:00", "2024-07-02T10:00:00.0000000+02:00",
                "2024-07-02T08:00:00.000Z", "2024-07-02T10%3A00%3A00%2B02%3A00", "2024-07-02"]),
            ("organization", ["2024-12-02T10:30:00%2B01:00", "2024-12-02T10:30:00+01:00", "2024-12-02T09:30:00Z", "2024-12-02T04:30:00-05:00",
                "2024-12-02T10:30:00.0%2B01:00", "2024-12-02"]),
        ];

        foreach (var (list, spellings) in cases)
        {
            var all = ListTests.Ids((await site.GetJsonAsync(Lists + list)).Json);
            var (_, canonical) = await site.GetJsonAsync($"{Lists}{list}?modified_since={spellings[0]}");
            var expected = ListTests.Ids(canonical);
            Assert.NotEmpty(expected);
            Assert.True(expected.Count < all.Count, $"{list}: the instant {spellings[0]} should split the list, but keeps all {all.Count}");

            foreach (var spelling in spellings.Skip(1))
            {
                var url = $"{Lists}{list}?modified_since={spelling}";
                var (response, page) = await site.GetJsonAsync(url);

                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {page?["message"]}");
                Assert.True(expected.SequenceEqual(ListTests.Ids(page)), $"{url}: {ListTests.Ids(page).Count} objects, {spellings[0]} gives {expected.Count}");
                if (spelling.Length > 10)
                {
                    Assert.Equal(canonical!["links"]!["self"]!.ToString(), page!["links"]!["self"]!.ToString());
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Garbage_Is400WithTheErrorObject(string provider)
    {
        var site = await sites.DemoAsync(provider);
        string[] garbage =
        [
            "modified_since=gestern", "created_since=2024-13-01T00:00:00%2B01:00", "modified_since=2024-02-30T10:00:00%2B01:00",
            "modified_until=2024-07-02T25:00:00%2B02:00", "created_until=02.07.2024", "limit=0", "limit=1001", "limit=abc", "limit=-5", "limit=1.5",
            "after=-1", "after=abc", "before=x", "omit_internal=vielleicht",
        ];

        foreach (var list in new[] { Lists + "paper", OParlSite.Api + "/body", OParlSite.Api + "/organization/1/meeting" })
        {
            foreach (var query in garbage)
            {
                var (response, error) = await site.GetJsonAsync($"{list}?{query}");

                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{list}?{query}: {(int)response.StatusCode}");
                HttpTests.AssertErrorObject(response, error);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task OmitInternal_LeavesOutExactlyTheEmbeddedArrays(string provider)
    {
        var site = await sites.DemoAsync(provider);
        var omitted = new Dictionary<string, string[]>
        {
            ["Body"] = ["legislativeTerm"],
            ["Meeting"] = ["agendaItem", "auxiliaryFile"],
            ["Paper"] = ["auxiliaryFile", "location"],
            ["Person"] = ["membership"],
            ["AgendaItem"] = ["auxiliaryFile"],
        };
        var seen = new HashSet<string>();

        foreach (var list in new[] { OParlSite.Api + "/body", Lists + "meeting", Lists + "paper", Lists + "person", Lists + "agendaItem", Lists + "organization", Lists + "file" })
        {
            var plain = ListTests.Data((await site.GetJsonAsync(list + "?limit=1000")).Json);
            var (_, page) = await site.GetJsonAsync(list + "?limit=1000&omit_internal=true");
            var lean = ListTests.Data(page);
            Assert.Equal(plain.Select(o => OParlRules.Text(o, "id")), lean.Select(o => OParlRules.Text(o, "id")));
            Assert.All(page!["links"]!.AsObject(), l => Assert.Contains("omit_internal=true", l.Value!.ToString(), StringComparison.Ordinal));

            foreach (var (full, without) in plain.Zip(lean))
            {
                var type = OParlSchemas.TypeName(OParlRules.Text(full, "type"))!;
                var expected = full.DeepClone().AsObject();
                foreach (var property in omitted.GetValueOrDefault(type, []).Where(expected.ContainsKey))
                {
                    seen.Add($"{type}.{property}");
                    expected.Remove(property);
                }
                Assert.True(JsonNode.DeepEquals(expected, without), $"{OParlRules.Describe(full)} with omit_internal=true:\n{without.ToJsonString(OParlRules.Readable)}\nexpected:\n{expected.ToJsonString(OParlRules.Readable)}");
            }
        }
        Assert.Superset(new HashSet<string> { "Body.legislativeTerm", "Meeting.agendaItem", "Paper.auxiliaryFile", "Person.membership" }, seen);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AllFiltersAtOnce_AreKeptInEveryLink_AndSelectTheSameObjects(string provider)
    {
        var site = await sites.DemoAsync(provider);
        var reference = await site.CrawlerAsync(new CrawlOptions { ListsOnly = true, Limit = 1000 });
        await reference.CrawlAsync(OParlSite.SystemUrl);
        var crawler = await site.CrawlerAsync(new CrawlOptions
        {
            ListsOnly = true,
            Limit = 2,
            Filter = "created_since=2024-06-30T00:00:00%2B02:00&created_until=2030-01-01T00:00:00%2B01:00&modified_since=2024-07-01T00:00:00%2B02:00"
                + "&modified_until=2030-01-01T00:00:00%2B01:00&omit_internal=true",
        });

        (await crawler.CrawlAsync(OParlSite.SystemUrl)).Only(ConformanceReport.IsListRule).AssertClean("every list with all filters and limit=2");

        Assert.Equal(reference.Lists.Count, crawler.Lists.Count);
        foreach (var (list, ids) in reference.Lists)
        {
            Assert.True(ids.SequenceEqual(crawler.Lists[list]), $"{list}: the filters that every object meets changed the list");
        }
    }
}
