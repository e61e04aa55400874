using System.Globalization;
using System.Text;

namespace OpenRis.Web.Files;

/// <summary>
/// The name an uploaded file is kept and shown under. What a browser or a script sends as the name can be
/// anything: a path ("../../etc/passwd", "C:\Users\…\plan.pdf"), control or direction-changing characters,
/// ten thousand characters. Only the last path segment is kept, without such characters, at most
/// <see cref="MaxLength"/> long with its extension.
/// </summary>
public static class UploadFileName
{
    public const int MaxLength = 200;

    public static string Clean(string? sent, string fallback)
    {
        var last = (sent ?? "").Split('/', '\\')[^1];
        var kept = new StringBuilder(Math.Min(last.Length, MaxLength * 2));
        foreach (var rune in last.EnumerateRunes())
        {
            // Control characters, and format characters such as U+202E that turn "gpj.exe" round in a listing.
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format || rune == Rune.ReplacementChar)
            {
                continue;
            }
            kept.Append(rune.ToString());
        }
        var name = kept.ToString().Trim().TrimStart('.').Trim();
        if (name.Length > MaxLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length <= 10 ? extension : "";
            var stem = name[..(MaxLength - extension.Length)];
            if (char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1];
            }
            name = stem + extension;
        }
        return name.Length == 0 ? fallback : name;
    }
}
