using OpenRis.Documents.Official;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace OpenRis.Documents.Packages;

/// <summary>
/// The meeting package as one PDF: a contents page, then every document in agenda order (PDF pages imported as
/// they are, text files set in the official layout), with a bookmark per agenda item and per document.
/// </summary>
public static class MeetingPackagePdf
{
    public static void Write(MeetingPackage package, Stream output)
    {
        EmbeddedFonts.Install();
        var (body, starts) = RenderBody(package);

        // The contents page lists page numbers, which depend on how many pages the contents take: count first.
        var contentsPages = 1;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var probe = Contents(package, starts, contentsPages);
            if (probe.PageCount == contentsPages)
            {
                break;
            }
            contentsPages = probe.PageCount;
        }

        using var document = Contents(package, starts, contentsPages);
        document.Info.Title = package.Title;
        document.Info.Subject = package.Subtitle;
        document.Info.Creator = "OpenRIS";
        document.Language = "de-DE";
        using (var source = PdfReader.Open(new MemoryStream(body), PdfDocumentOpenMode.Import))
        {
            foreach (var page in source.Pages)
            {
                document.AddPage(page);
            }
        }

        document.Outlines.Add("Inhalt", document.Pages[0], true);
        var index = 0;
        foreach (var section in package.Sections)
        {
            PdfOutline? sectionOutline = null;
            foreach (var item in section.Documents)
            {
                var start = starts[index++];
                if (start is not { } first)
                {
                    continue;
                }
                var page = document.Pages[contentsPages + first];
                sectionOutline ??= document.Outlines.Add(section.Title, page, true);
                sectionOutline.Outlines.Add(item.Title, page);
            }
        }
        document.Save(output, false);
    }

    /// <summary>The documents' pages, and the 0-based page each document starts on (null: not in the PDF).</summary>
    private static (byte[] Pdf, List<int?> Starts) RenderBody(MeetingPackage package)
    {
        using var body = new PdfDocument();
        var starts = new List<int?>();
        foreach (var item in package.Documents)
        {
            var first = body.PageCount;
            if (item.IsPdf && TryImport(body, item.Content))
            {
                starts.Add(first);
            }
            else if (item.IsText)
            {
                using (var writer = new PdfPageWriter(body))
                {
                    writer.Write(new Heading(1, item.Title));
                    foreach (var paragraph in Paragraphs(System.Text.Encoding.UTF8.GetString(item.Content)))
                    {
                        writer.Write(new Paragraph(paragraph));
                    }
                }
                starts.Add(first);
            }
            else
            {
                starts.Add(null);
            }
        }
        if (body.PageCount == 0)
        {
            // PDFsharp cannot save an empty document; an empty body is a blank page after the contents.
            body.AddPage();
        }
        using var output = new MemoryStream();
        body.Save(output, false);
        return (output.ToArray(), starts);
    }

    /// <summary>Imports a PDF's pages; a damaged or encrypted file is left out and said so on the contents page.</summary>
    private static bool TryImport(PdfDocument target, byte[] content)
    {
        try
        {
            using var source = PdfReader.Open(new MemoryStream(content), PdfDocumentOpenMode.Import);
            foreach (var page in source.Pages)
            {
                target.AddPage(page);
            }
            return source.PageCount > 0;
        }
        // PDFsharp reports damaged files with many exception types (seen: ArgumentOutOfRangeException from its lexer).
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            return false;
        }
    }

    private static PdfDocument Contents(MeetingPackage package, List<int?> starts, int contentsPages)
    {
        var document = new PdfDocument();
        using (var writer = new PdfPageWriter(document))
        {
            writer.Write(new Heading(1, package.Title));
            writer.Write(new Paragraph(package.Subtitle));
            writer.Write(new Heading(2, "Inhalt"));
            var index = 0;
            foreach (var section in package.Sections)
            {
                writer.Write(new Heading(3, section.Title));
                foreach (var item in section.Documents)
                {
                    writer.Write(new Paragraph(starts[index++] is { } start
                        ? $"Seite {contentsPages + start + 1}: {item.Title}"
                        : $"{item.Title} (nicht im PDF enthalten, siehe ZIP-Archiv)"));
                }
            }
        }
        return document;
    }

    /// <summary>Paragraphs of a plain-text or Markdown file, without Markdown's heading and emphasis marks.</summary>
    internal static IEnumerable<string> Paragraphs(string text) =>
        text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.TrimStart('#', ' ').Replace("**", "", StringComparison.Ordinal))
            .Where(p => p.Length > 0);
}
