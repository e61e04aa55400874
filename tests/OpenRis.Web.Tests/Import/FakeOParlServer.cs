using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenRis.Web.Tests.Import;

/// <summary>
/// A real Kestrel on a loopback port that serves documents registered by URL path (and query), so
/// the importer talks HTTP exactly as to a vendor's server. Failures can be switched on: every
/// request after <see cref="FailAfter"/> answers 500.
/// </summary>
public sealed class FakeOParlServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private int _requests;

    private FakeOParlServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Path and query of every request, in order.</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>Requests answered so far.</summary>
    public int Requests => _requests;

    /// <summary>After this many requests every request answers 500; null: never.</summary>
    public int? FailAfter { get; set; }

    /// <summary>Every answer waits this long first (a slow source, so that a run can be caught midway).</summary>
    public TimeSpan Delay { get; set; }

    public static async Task<FakeOParlServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOParlServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Log.Enqueue(context.Request.Path.Value + context.Request.QueryString.Value);
        var count = Interlocked.Increment(ref _requests);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }
        if (FailAfter is int limit && count > limit)
        {
            context.Response.StatusCode = 500;
            return;
        }
        var key = context.Request.Path.Value + context.Request.QueryString.Value;
        if (_routes.TryGetValue(key, out var handler) || _routes.TryGetValue(context.Request.Path.Value ?? "", out handler))
        {
            await handler(context);
            return;
        }
        context.Response.StatusCode = 404;
        await context.Response.WriteAsync("""{"type":"https://schema.oparl.org/1.1/Error","message":"not found"}""");
    }

    public string Url(string pathAndQuery) => BaseUrl + pathAndQuery;

    public void Json(string pathAndQuery, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        Bytes(pathAndQuery, Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", status);

    public void Json(string pathAndQuery, JsonNode json) => Json(pathAndQuery, json.ToJsonString());

    public void Bytes(string pathAndQuery, byte[] content, string contentType, HttpStatusCode status = HttpStatusCode.OK) =>
        _routes[Key(pathAndQuery)] = async context =>
        {
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = contentType;
            context.Response.ContentLength = content.Length;
            await context.Response.Body.WriteAsync(content);
        };

    public void Handle(string pathAndQuery, Func<HttpContext, Task> handler) => _routes[Key(pathAndQuery)] = handler;

    /// <summary>Registers a document under the path of a full URL of this server.</summary>
    private string Key(string pathOrUrl) =>
        pathOrUrl.StartsWith(BaseUrl, StringComparison.Ordinal) ? pathOrUrl[BaseUrl.Length..] : pathOrUrl;

    /// <summary>
    /// Serves <paramref name="objects"/> as an OParl list at <paramref name="path"/>, <paramref name="pageSize"/>
    /// per page, with next links; every object also at its own URL.
    /// </summary>
    public string List(string path, IReadOnlyList<JsonObject> objects, int pageSize = 50)
    {
        var pages = Math.Max(1, (objects.Count + pageSize - 1) / pageSize);
        for (var page = 0; page < pages; page++)
        {
            var data = new JsonArray(objects.Skip(page * pageSize).Take(pageSize).Select(o => (JsonNode)o.DeepClone()).ToArray());
            var links = new JsonObject { ["first"] = Url(path) };
            if (page + 1 < pages)
            {
                links["next"] = Url($"{path}?page={page + 2}");
            }
            var body = new JsonObject
            {
                ["data"] = data,
                ["pagination"] = new JsonObject { ["totalElements"] = objects.Count, ["elementsPerPage"] = pageSize, ["currentPage"] = page + 1, ["totalPages"] = pages },
                ["links"] = links,
            };
            Json(page == 0 ? path : $"{path}?page={page + 1}", body);
        }
        foreach (var o in objects)
        {
            if (o["id"]?.GetValue<string>() is string id && id.StartsWith(BaseUrl, StringComparison.Ordinal) && !_routes.ContainsKey(Key(id)))
            {
                Json(id, o.ToJsonString());
            }
        }
        return Url(path);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
