using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace OpenRis.Documents.Packages;

/// <summary>The meeting package as a zip: one folder per section, files numbered in agenda order, names safe on every system.</summary>
public static class MeetingPackageZip
{
    private const int MaxNameLength = 60;

    public static void Write(MeetingPackage package, Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        foreach (var (path, document) in Paths(package))
        {
            var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
            using var stream = entry.Open();
            stream.Write(document.Content);
        }
    }

    /// <summary>"01 Sitzung/01 Einladung.pdf", "02 TOP 1 Eröffnung/01 Vorlage 0930-2018.pdf" …</summary>
    public static IEnumerable<(string Path, PackageDocument Document)> Paths(MeetingPackage package)
    {
        var width = package.Sections.Count >= 100 ? 3 : 2;
        for (var s = 0; s < package.Sections.Count; s++)
        {
            var section = package.Sections[s];
            var folder = $"{(s + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')} {SafeName(section.Title)}";
            var fileWidth = section.Documents.Count >= 100 ? 3 : 2;
            for (var d = 0; d < section.Documents.Count; d++)
            {
                var document = section.Documents[d];
                var extension = SafeName(Path.GetExtension(document.FileName).TrimStart('.'));
                var name = $"{(d + 1).ToString(CultureInfo.InvariantCulture).PadLeft(fileWidth, '0')} {SafeName(document.Title)}";
                yield return ($"{folder}/{name}{(extension.Length > 0 ? "." + extension : "")}", document);
            }
        }
    }

    /// <summary>
    /// Letters (umlauts kept: zip stores UTF-8 names), digits, space, dot, hyphen and underscore only; no leading or
    /// trailing dots or spaces (Windows), never empty, at most 60 characters so that paths stay short.
    /// </summary>
    public static string SafeName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '_' ? c : c is '/' or '\\' ? '-' : ' ');
        }
        var collapsed = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length > MaxNameLength)
        {
            collapsed = collapsed[..MaxNameLength];
        }
        collapsed = collapsed.Trim(' ', '.');
        return collapsed.Length == 0 ? "Dokument" : collapsed;
    }
}
