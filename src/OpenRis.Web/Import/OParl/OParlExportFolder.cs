using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenRis.Web.OParl;

namespace OpenRis.Web.Import.OParl;

/// <summary>
/// Serves an <c>openris export</c> folder to the importer as the endpoint it was exported from, without a
/// web server: objects from oparl/&lt;type&gt;/&lt;id&gt;.json, file contents from files/&lt;id&gt;/, and the body
/// lists built from the objects (500 per page, by id). This is how an IT department moves an instance
/// (docs/import.md); the importer itself stays one HTTP client.
/// </summary>
internal sealed partial class OParlExportFolder : HttpMessageHandler
{
    private const int PageSize = 500;
    private readonly string _folder;
    private readonly string _api;
    private readonly Dictionary<string, List<(long Id, string? Body)>> _lists = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private OParlExportFolder(string folder, string baseUrl)
    {
        _folder = folder;
        _api = baseUrl.TrimEnd('/') + "/oparl/v1.1";
    }

    /// <summary>The System URL recorded in export.json and a client that reads the folder; null when the folder is no export.</summary>
    public static (string SystemUrl, HttpClient Client)? Open(string folder)
    {
        var manifest = Path.Combine(folder, "export.json");
        if (!File.Exists(manifest) || JsonNode.Parse(File.ReadAllText(manifest)) is not JsonObject export
            || export["oparlBaseUrl"]?.GetValue<string>() is not { } baseUrl || export["system"]?.GetValue<string>() is not { } system)
        {
            return null;
        }
        return (system, new HttpClient(new OParlExportFolder(Path.GetFullPath(folder), baseUrl), disposeHandler: true));
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Answer(request.RequestUri!));

    private HttpResponseMessage Answer(Uri uri)
    {
        var url = uri.GetLeftPart(UriPartial.Path);
        if (!url.StartsWith(_api, StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
        var path = url[_api.Length..];
        if (path == "/system")
        {
            var system = Directory.EnumerateFiles(Path.Combine(_folder, "oparl", "system"), "*.json").FirstOrDefault();
            return system is null ? new HttpResponseMessage(HttpStatusCode.NotFound) : Json(File.ReadAllBytes(system));
        }
        var page = int.TryParse(Query(uri, "seite"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
        if (path == "/body")
        {
            return List("body", null, page, url);
        }
        var match = ObjectPath().Match(path);
        if (!match.Success)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
        var (type, id, rest) = (match.Groups["type"].Value, match.Groups["id"].Value, match.Groups["rest"].Value);
        if (rest.Length == 0)
        {
            var file = Path.Combine(_folder, "oparl", type, id + ".json");
            return File.Exists(file) ? Json(File.ReadAllBytes(file)) : new HttpResponseMessage(HttpStatusCode.NotFound);
        }
        if (type == "file" && rest is "/access" or "/download")
        {
            var folder = Path.Combine(_folder, "files", id);
            var content = Directory.Exists(folder) ? Directory.EnumerateFiles(folder).FirstOrDefault() : null;
            return content is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(File.ReadAllBytes(content)) };
        }
        if (type == "body")
        {
            var listType = OParlTypes.BodyLists.FirstOrDefault(l => l.List == rest[1..]).Type;
            return listType is null ? new HttpResponseMessage(HttpStatusCode.NotFound) : List(listType, $"{_api}/body/{id}", page, url);
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    /// <summary>One page of a list: the objects of the type that belong to the body (or name none, as embedded types do).</summary>
    private HttpResponseMessage List(string type, string? body, int page, string url)
    {
        List<(long Id, string? Body)> all;
        lock (_lock)
        {
            if (!_lists.TryGetValue(type, out all!))
            {
                var directory = Path.Combine(_folder, "oparl", type);
                all = Directory.Exists(directory)
                    ? Directory.EnumerateFiles(directory, "*.json")
                        .Select(f => (Id: long.Parse(Path.GetFileNameWithoutExtension(f), CultureInfo.InvariantCulture),
                            Body: JsonNode.Parse(File.ReadAllBytes(f))?["body"] is JsonValue v && v.TryGetValue<string>(out var b) ? b : null))
                        .OrderBy(o => o.Id).ToList()
                    : [];
                _lists[type] = all;
            }
        }
        var members = all.Where(o => body is null || o.Body is null || o.Body == body).Skip(page * PageSize).Take(PageSize + 1).ToList();
        var data = new JsonArray(members.Take(PageSize)
            .Select(o => JsonNode.Parse(File.ReadAllBytes(Path.Combine(_folder, "oparl", type, o.Id.ToString(CultureInfo.InvariantCulture) + ".json"))))
            .ToArray());
        var links = new JsonObject();
        if (members.Count > PageSize)
        {
            links["next"] = string.Create(CultureInfo.InvariantCulture, $"{url}?seite={page + 1}");
        }
        return Json(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["data"] = data, ["links"] = links }));
    }

    private static string? Query(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p.Length == 2 && p[0] == name)?[1];

    private static HttpResponseMessage Json(byte[] bytes) => new(HttpStatusCode.OK)
    {
        Content = new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } },
    };

    [GeneratedRegex("^/(?<type>[A-Za-z]+)/(?<id>[0-9]+)(?<rest>/[A-Za-z]+)?$")]
    private static partial Regex ObjectPath();
}
