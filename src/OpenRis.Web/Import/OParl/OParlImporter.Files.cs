using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenRis.Documents;
using OpenRis.Web.Model;

namespace OpenRis.Web.Import.OParl;

internal sealed partial class OParlImporter
{
    private readonly List<(DocumentFile File, string Url, string Source)> _downloads = [];

    private async Task FileAsync(JsonObject json, long bodyId, FileRole role, Meeting? meeting, AgendaItem? item, Paper? paper, CancellationToken ct)
    {
        var url = OParlValues.Id(json);
        if (url is null)
        {
            _report.Defect("object-without-id", "file");
            return;
        }
        var file = await ResolveAsync<DocumentFile>("file", json, standalone: false, id => _db.Files.IgnoreQueryFilters().FirstOrDefaultAsync(f => f.Id == id, ct));
        if (file is null)
        {
            return;
        }
        if (file.Id == 0)
        {
            file.Meeting = meeting;
            file.AgendaItem = item;
            file.Paper = paper;
        }
        file.Role = role;
        Fill(file, json, bodyId, url);
    }

    /// <summary>From the 1.1 file list: known files are updated; new ones are attached to the first paper, meeting or agenda item they name.</summary>
    private async Task StandaloneFileAsync(JsonObject json, long bodyId, CancellationToken ct)
    {
        var url = OParlValues.Id(json)!;
        var known = _known.ContainsKey(url);
        var paperId = Target<Paper>(_values.Links(json, "paper").FirstOrDefault()).Id;
        var meetingId = Target<Meeting>(_values.Links(json, "meeting").FirstOrDefault()).Id;
        var itemId = Target<AgendaItem>(_values.Links(json, "agendaItem").FirstOrDefault()).Id;
        if (!known && paperId == 0 && meetingId == 0 && itemId == 0)
        {
            Missing("parent of file", url);
            return;
        }
        var file = await ResolveAsync<DocumentFile>("file", json, standalone: true, id => _db.Files.IgnoreQueryFilters().FirstOrDefaultAsync(f => f.Id == id, ct));
        if (file is null)
        {
            return;
        }
        if (file.Id == 0)
        {
            file.PaperId = paperId > 0 ? paperId : null;
            file.MeetingId = paperId == 0 && meetingId > 0 ? meetingId : null;
            file.AgendaItemId = paperId == 0 && meetingId == 0 ? itemId : null;
            file.Role = FileRole.Auxiliary;
        }
        Fill(file, json, bodyId, url);
    }

    private void Fill(DocumentFile file, JsonObject json, long bodyId, string url)
    {
        file.BodyId = bodyId;
        var access = _values.Text(json, "accessUrl") ?? _values.Text(json, "downloadUrl");
        file.FileName = _values.Text(json, "fileName") ?? FileNameOf(access) ?? "datei";
        file.Name = _values.Text(json, "name") ?? file.FileName;
        file.MimeType = _values.Text(json, "mimeType", 200) ?? "application/octet-stream";
        file.Date = _values.Date(json, "date");
        file.Sha1Checksum = _values.Text(json, "sha1Checksum", 40);
        file.ExternalServiceUrl = _values.Text(json, "externalServiceUrl");
        file.FileLicense = _values.Text(json, "fileLicense");
        file.Public = true;
        SetIfDifferent(file.Keyword, _values.Texts(json, "keyword"));
        var text = _values.Text(json, "text");
        if (text is not null)
        {
            file.Text = text;
        }
        if (access is null)
        {
            _report.Defect("file-without-accessurl", url);
        }
        else if (_options.DownloadFiles)
        {
            _downloads.Add((file, access, url));
        }
        else
        {
            file.Size = OParlValues.Integer(json, "size") ?? 0;
        }
    }

    private static string? FileNameOf(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var last = Uri.UnescapeDataString(uri.Segments[^1]).Trim('/');
        return last.Length == 0 ? null : last;
    }

    /// <summary>The contents of the page's new and changed files, a few at a time; failures are reported, the file keeps its metadata.</summary>
    private async Task DownloadAsync(CancellationToken ct)
    {
        if (_downloads.Count == 0)
        {
            return;
        }
        var results = new (byte[]? Content, string? Text)[_downloads.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, _downloads.Count), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Parallelism), CancellationToken = ct },
            async (i, token) => results[i] = await DownloadOneAsync(_downloads[i].Url, _downloads[i].File.MimeType, token));
        for (var i = 0; i < results.Length; i++)
        {
            var (content, text) = results[i];
            if (content is null)
            {
                continue;
            }
            var file = _downloads[i].File;
            var stored = await _files.SaveAsync(content, ct);
            file.Sha512Checksum = stored.Sha512;
            file.Size = stored.Size;
            file.Text ??= text;
            _report.Downloaded(stored.Size);
        }
    }

    private async Task<(byte[]? Content, string? Text)> DownloadOneAsync(string url, string mimeType, CancellationToken ct)
    {
        if (OParlValues.HttpUrl(url) is not { } uri)
        {
            _report.Defect("file-unavailable", $"{url}: keine http(s)-URL");
            return (null, null);
        }
        try
        {
            using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                _report.Defect("file-unavailable", $"{url}: HTTP {(int)response.StatusCode}");
                return (null, null);
            }
            if (response.Content.Headers.ContentLength > _options.MaxFileBytes)
            {
                _report.Defect("file-too-large", $"{url}: {response.Content.Headers.ContentLength} Bytes > {_options.MaxFileBytes}");
                return (null, null);
            }
            byte[] content;
            try
            {
                content = await OParlClient.ReadLimitedAsync(response.Content, _options.MaxFileBytes, ct);
            }
            catch (InvalidDataException)
            {
                _report.Defect("file-too-large", $"{url}: mehr als {_options.MaxFileBytes} Bytes");
                return (null, null);
            }
            var isPdf = content.AsSpan().StartsWith("%PDF"u8);
            if (mimeType.Contains("pdf", StringComparison.OrdinalIgnoreCase) && !isPdf)
            {
                // Typically an HTML error page served as the file (Sternberg's broken file URLs): not kept as the document.
                _report.Defect("file-not-pdf", url);
                return (null, null);
            }
            string? text = null;
            if (isPdf)
            {
                text = _pdfText.Extract(content);
                if (text is null)
                {
                    _report.Defect("pdf-text-unreadable", url);
                }
            }
            else if (mimeType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            {
                text = Encoding.UTF8.GetString(content);
            }
            return (content, text);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or Polly.Timeout.TimeoutRejectedException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            _report.Defect("file-unavailable", $"{url}: {e.Message}");
            return (null, null);
        }
    }
}
