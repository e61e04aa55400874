using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Files;

namespace OpenRis.Web.Import.OParl;

/// <summary>
/// Mirrors one foreign OParl endpoint into the OpenRIS model: System → Bodies → every Body list,
/// page by page. Each page is written in one transaction together with the run's cursor, so a
/// crashed run resumes at the page it stopped at; the watermark for the next incremental run
/// (<c>modified_since</c>) moves only when every list was read to its end.
/// </summary>
internal sealed partial class OParlImporter
{
    /// <summary>The main lists first, so that links (membership → organization, consultation → meeting) resolve; then the 1.1 lists of embedded types.</summary>
    private static readonly (string List, string Type)[] BodyLists =
    [
        ("legislativeTermList", "legislativeTerm"), ("locationList", "location"), ("organization", "organization"), ("person", "person"),
        ("meeting", "meeting"), ("paper", "paper"), ("membership", "membership"), ("agendaItem", "agendaItem"),
        ("consultation", "consultation"), ("file", "file"),
    ];

    /// <summary>Sources may be a little ahead of our clock; the next run asks from a little earlier.</summary>
    private static readonly TimeSpan WatermarkMargin = TimeSpan.FromMinutes(5);

    private readonly RisDbContext _db;
    private readonly FileStore _files;
    private readonly HttpClient _http;
    private readonly OParlImportOptions _options;
    private readonly TextWriter _progress;
    private readonly OParlImportReport _report = new();
    private readonly PdfText _pdfText;
    private readonly OParlValues _values;
    private readonly OParlClient _client;
    private OParlVendor _vendor = OParlVendor.Generic;
    private OParlImportSource _source = null!;
    private Dictionary<string, string> _cursor = [];
    private readonly Stopwatch _clock = new();

    public OParlImporter(RisDbContext db, FileStore files, PdfText pdfText, HttpClient http, OParlImportOptions options, TextWriter progress)
    {
        _db = db;
        _files = files;
        _pdfText = pdfText;
        _http = http;
        _options = options;
        _progress = progress;
        _values = new OParlValues(_report);
        _client = new OParlClient(http, _report, options.MaxJsonBytes);
    }

    public async Task<OParlImportReport> RunAsync(string systemUrl, CancellationToken ct)
    {
        _clock.Start();
        var auditEnabled = _db.AuditEnabled;
        // Imported objects carry their provenance in OParlImportedObjects; an audit row per object would double the writes.
        // The OParl documents are rendered by every save, in its transaction: what a batch wrote is served
        // as soon as it is committed, and a crash leaves no object without its document.
        _db.AuditEnabled = false;
        var detectChanges = _db.ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            await RunCoreAsync(systemUrl, ct);
        }
        finally
        {
            _db.AuditEnabled = auditEnabled;
            _db.KeepsSourceTimes = false;
            _db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
            _db.ChangeTracker.Clear();
        }
        _clock.Stop();
        return _report;
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    private async Task RunCoreAsync(string systemUrl, CancellationToken ct)
    {
        var fetched = await _client.GetAsync(systemUrl, ct);
        if (fetched.Error is not null || fetched.Json is not JsonObject system)
        {
            _report.Failure = fetched.Error ?? $"{systemUrl}: kein OParl-System (HTTP {fetched.Status})";
            return;
        }
        _vendor = OParlVendor.For(system);
        _report.Vendor = _vendor.Name;

        _source = await _db.Set<OParlImportSource>().FirstOrDefaultAsync(s => s.SystemUrl == systemUrl, ct) ?? new OParlImportSource { SystemUrl = systemUrl };
        if (_source.Id == 0)
        {
            _db.Add(_source);
        }
        if (_source.RunStartedAt is null)
        {
            _source.RunStartedAt = _db.Clock.GetUtcNow().UtcDateTime;
            _source.Cursor = "{}";
        }
        else
        {
            _report.Resumed = true;
        }
        _source.Vendor = _vendor.Name;
        await _db.SaveChangesAsync(ct);
        _cursor = JsonSerializer.Deserialize<Dictionary<string, string>>(_source.Cursor ?? "{}") ?? [];
        await LoadKnownAsync(ct);
        _adopt = await AdoptsIdsAsync(system, ct);
        _db.KeepsSourceTimes = _adopt;

        var since = _options.Full || !_vendor.TrustModifiedSince ? null : _source.Watermark;
        await _progress.WriteLineAsync(Invariant($"OParl-Import {systemUrl} ({_vendor.Name}{(since is null ? ", vollständig" : $", geändert seit {since:yyyy-MM-dd HH:mm:ss} UTC")}{(_report.Resumed ? ", fortgesetzt" : "")}{(_adopt ? ", Ids und Zeitstempel der Quelle" : "")})"));

        var bodiesUrl = _values.Link(system, "body");
        if (bodiesUrl is null)
        {
            _report.Failure = $"{systemUrl}: System ohne body";
            return;
        }
        var bodies = new List<(JsonObject Json, long Id)>();
        var failed = new List<string>();
        // While the lists are read; SaveChangesAsync (below) detects the changes of a batch once.
        _db.ChangeTracker.AutoDetectChangesEnabled = false;
        if (!await ImportListAsync(bodiesUrl, "body", 0, null, bodies, ct))
        {
            failed.Add(bodiesUrl);
        }
        foreach (var (body, bodyId) in bodies)
        {
            foreach (var (list, type) in BodyLists)
            {
                var url = _values.Link(body, list);
                if (url is null)
                {
                    continue;
                }
                if (!await ImportListAsync(url, type, bodyId, since, null, ct))
                {
                    failed.Add(url);
                }
            }
        }
        _db.ChangeTracker.AutoDetectChangesEnabled = true;
        var linking = OParlImportReport.Mark();
        await ResolveDeferredAsync(failed.Count == 0, ct);
        _report.Phase("Verknüpfen", linking);
        if (_adopt)
        {
            await KeepSourceAsync(system, ct);
        }

        if (failed.Count > 0)
        {
            _report.Failure ??= $"{failed.Count} Liste(n) unvollständig; der nächste Lauf setzt dort fort";
            return;
        }
        _source.Watermark = _source.RunStartedAt - WatermarkMargin;
        _source.RunStartedAt = null;
        _source.Cursor = null;
        _source.LastCompletedAt = _db.Clock.GetUtcNow().UtcDateTime;
        _db.Update(_source);
        await _db.SaveChangesAsync(ct);
    }

    /// <summary>Reads one list to its end; false when it had to stop (the cursor keeps the page for the next run).</summary>
    private async Task<bool> ImportListAsync(string listUrl, string type, long bodyId, DateTime? since, List<(JsonObject, long)>? bodies, CancellationToken ct)
    {
        var key = bodyId == 0 ? listUrl : Invariant($"{bodyId} {listUrl}");
        if (_cursor.TryGetValue(key, out var saved) && saved.Length == 0 && bodies is null)
        {
            return true;
        }
        var url = saved is { Length: > 0 } ? saved : WithFilters(listUrl, since);
        var cursorKey = bodies is not null && bodyId == 0 ? null : key;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var pages = 0;
        string? previous = null;
        Task<Fetched>? pending = _client.GetAsync(url, ct);
        while (pending is not null)
        {
            var waited = OParlImportReport.Mark();
            var fetched = await pending;
            _report.Phase("Warten auf die Quelle", waited);
            pending = null;
            seen.Add(url);
            if (fetched.Error is not null)
            {
                // A next link that is no http(s) URL can never be read: the line names the page that sent it, and the next run reads that page again.
                var unreadable = OParlValues.HttpUrl(url) is null && previous is not null;
                var error = unreadable ? $"{previous}: next {fetched.Error}" : fetched.Error;
                await SaveBatchAsync(cursorKey, unreadable ? previous! : url, ct);
                _report.Defect("list-failed", error);
                await _progress.WriteLineAsync($"Fehler: {error}");
                return false;
            }
            var (objects, next) = ReadPage(fetched, url);
            if (objects is null)
            {
                await SaveBatchAsync(cursorKey, url, ct);
                _report.Defect("list-failed", $"{url}: keine OParl-Liste");
                await _progress.WriteLineAsync($"Fehler: {url}: keine OParl-Liste");
                return false;
            }
            if (next is not null && seen.Contains(next))
            {
                _report.Defect("next-loop", next);
                next = null;
            }
            if (next is not null && ++pages >= _options.MaxPagesPerList)
            {
                _report.Defect("next-loop", Invariant($"{listUrl}: mehr als {_options.MaxPagesPerList} Seiten"));
                next = null;
            }
            // The next page travels while this one is written.
            if (next is not null)
            {
                pending = _client.GetAsync(next, ct);
            }
            try
            {
                var pageBodies = await ImportPageAsync(type, bodyId, url, objects, listed, ct);
                // The body list is written page by page: the lists of its Bodies are read next, by our ids.
                if (next is null || bodies is not null || BatchObjects >= _options.BatchObjects)
                {
                    await SaveBatchAsync(cursorKey, next ?? "", ct);
                }
                bodies?.AddRange(pageBodies.Select(b => (b.Json, _known.TryGetValue(b.Url, out var k) ? k.EntityId : 0)).Where(b => b.Item2 > 0));
            }
            catch
            {
                if (pending is not null)
                {
                    await SwallowAsync(pending);
                }
                throw;
            }
            _report.Pages++;
            if (_report.Pages % 20 == 0)
            {
                await _progress.WriteLineAsync(Invariant($"  {_report.Pages} Seiten, {_report.Objects} Objekte, {_report.Objects / Math.Max(_clock.Elapsed.TotalSeconds, 0.001):0}/s …"));
            }
            previous = url;
            url = next ?? url;
        }
        return true;
    }

    private static async Task SwallowAsync(Task<Fetched> pending)
    {
        try
        {
            await pending;
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A list page, or what vendors send instead: a bare array, a single object (Sternberg's /body), a 404 for an empty list.</summary>
    private (List<JsonObject>? Objects, string? Next) ReadPage(Fetched fetched, string url)
    {
        if (fetched.NotFound)
        {
            _report.Defect(_vendor.EmptyListIs404 ? "404-for-empty-list" : "404-for-list", url);
            return ([], null);
        }
        switch (fetched.Json)
        {
            case JsonObject page when page["data"] is JsonArray data:
                var next = page["links"] is JsonObject links ? _values.Link(links, "next") : null;
                if (next is null && page["links"] is JsonObject { } withNext && withNext["next"] is { } broken && broken.GetValueKind() != JsonValueKind.String)
                {
                    // A next that is a number or an object without id: the list cannot go on, and the report says where it ended.
                    _report.Defect("invalid-next", $"{url}: next = {Short(broken.ToJsonString())}, die Liste endet hier");
                }
                return (ObjectsOf(data, url), next);
            case JsonObject single when OParlValues.Id(single) is not null:
                _report.Defect("object-instead-of-list", url);
                return ([single], null);
            case JsonArray array:
                _report.Defect("array-instead-of-list", url);
                return (ObjectsOf(array, url), null);
            default:
                return (null, null);
        }
    }

    /// <summary>The objects of a page's data; anything else in there (a number, a string, null) is named and left out.</summary>
    private List<JsonObject> ObjectsOf(JsonArray data, string url)
    {
        for (var i = 0; i < data.Count; i++)
        {
            if (data[i] is not JsonObject)
            {
                _report.Dropped("not-an-object", Invariant($"{url} #{i}: {data[i]?.GetValueKind().ToString() ?? "null"} statt eines Objekts"));
            }
        }
        return data.OfType<JsonObject>().ToList();
    }

    private string WithFilters(string listUrl, DateTime? since)
    {
        if (since is null)
        {
            return listUrl;
        }
        // Whole seconds and an explicit offset: Somacos rejects fractions (oparl-notes §10 #12).
        var value = since.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        var encoded = _vendor.RawModifiedSince ? value : Uri.EscapeDataString(value);
        return $"{listUrl}{(listUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?')}modified_since={encoded}";
    }

    /// <summary>A source's value in a report line: at most 80 characters.</summary>
    private static string Short(string value) => value.Length <= 80 ? value : value[..80] + "…";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
