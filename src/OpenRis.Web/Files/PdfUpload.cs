namespace OpenRis.Web.Files;

/// <summary>Checks an uploaded attachment: a PDF by its content (magic bytes), not by its name, and not too large.</summary>
public static class PdfUpload
{
    private static readonly byte[] Magic = "%PDF-"u8.ToArray();

    /// <summary>The one message for a file over the limit, whether the page saw it or the server refused the request (<see cref="Hosting.UploadLimits"/>).</summary>
    public static string TooLarge(string fileName, long bytes, long maxBytes) =>
        $"Die Datei „{fileName}“ ist mit {Hosting.OversizedUpload.Megabytes(bytes)} MB zu groß; erlaubt sind {maxBytes / 1024 / 1024} MB.";

    /// <summary>The bytes of a valid upload, or a German message saying what is wrong.</summary>
    public static async Task<(byte[]? Content, string? Error)> ReadAsync(IFormFile file, long maxBytes, CancellationToken cancellationToken)
    {
        var name = UploadFileName.Clean(file.FileName, "ohne Namen");
        if (file.Length == 0)
        {
            return (null, $"Die Datei „{name}“ ist leer.");
        }
        if (file.Length > maxBytes)
        {
            return (null, TooLarge(name, file.Length, maxBytes));
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        if (!content.AsSpan().StartsWith(Magic))
        {
            return (null, $"Die Datei „{name}“ ist kein PDF-Dokument. Bitte hängen Sie nur PDF-Dateien an.");
        }
        return (content, null);
    }
}
