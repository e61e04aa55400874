namespace OpenRis.Web.Files;

/// <summary>Checks an uploaded attachment: a whole, readable PDF by its content (first bytes, end marker, its text), not by its name, and not too large.</summary>
public static class PdfUpload
{
    private static readonly byte[] Magic = "%PDF-"u8.ToArray();
    private static readonly byte[] EndOfFile = "%%EOF"u8.ToArray();

    // Readers look for the end marker this far from the end; writers may add a line break or padding after it.
    private const int EndOfFileSearch = 1024;

    /// <summary>The one message for a file over the limit, whether the page saw it or the server refused the request (<see cref="Hosting.UploadLimits"/>).</summary>
    public static string TooLarge(string fileName, long bytes, long maxBytes) =>
        $"Die Datei „{fileName}“ ist mit {Hosting.OversizedUpload.Megabytes(bytes)} MB zu groß; erlaubt sind {maxBytes / 1024 / 1024} MB.";

    /// <summary>A file that starts like a PDF but cannot be read: cut off in transfer, damaged, or locked with a password.</summary>
    private static string Unreadable(string name) =>
        $"Die Datei „{name}“ ist beschädigt, unvollständig oder mit einem Kennwort geschützt und kann nicht gelesen werden. Bitte hängen Sie das vollständige PDF ohne Kennwort an.";

    /// <summary>
    /// The bytes of a valid upload and its text (what search finds; scanned pages read by OCR where it is
    /// installed), or a German message saying what is wrong.
    /// </summary>
    public static async Task<(byte[]? Content, string? Text, string? Error)> ReadAsync(IFormFile file, long maxBytes, PdfText pdfText, CancellationToken cancellationToken)
    {
        var name = UploadFileName.Clean(file.FileName, "ohne Namen");
        if (file.Length == 0)
        {
            return (null, null, $"Die Datei „{name}“ ist leer.");
        }
        if (file.Length > maxBytes)
        {
            return (null, null, TooLarge(name, file.Length, maxBytes));
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        if (!content.AsSpan().StartsWith(Magic))
        {
            return (null, null, $"Die Datei „{name}“ ist kein PDF-Dokument. Bitte hängen Sie nur PDF-Dateien an.");
        }
        // Every PDF ends with %%EOF; a file cut off in transfer has lost it, even where a lenient reader still finds its first pages.
        if (content.AsSpan(Math.Max(0, content.Length - EndOfFileSearch)).IndexOf(EndOfFile) < 0)
        {
            return (null, null, Unreadable(name));
        }
        // Reading the text is the last check: a damaged or password-locked file starts and ends like a PDF
        // too, but nobody could open it from the paper's page.
        return pdfText.Extract(content) is { } text ? (content, text, null) : (null, null, Unreadable(name));
    }
}
