using PdfSharp.Fonts;

namespace OpenRis.Documents.Official;

/// <summary>
/// DejaVu Sans shipped inside this assembly (Bitstream Vera licence, see Fonts/LICENSE-DejaVu.txt),
/// so PDFs look the same on every host and need no system font package: German umlauts, ß and
/// typographic quotes („…“, –) are all in it.
/// </summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();

    /// <summary>PDFsharp's font resolver is process-wide; install ours once, and refuse to run with a foreign one.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            switch (GlobalFontSettings.FontResolver)
            {
                case null:
                    GlobalFontSettings.FontResolver = new EmbeddedFonts();
                    break;
                case EmbeddedFonts:
                    break;
                default:
                    throw new InvalidOperationException($"Another PDFsharp font resolver ({GlobalFontSettings.FontResolver.GetType().Name}) is installed; official documents need {nameof(EmbeddedFonts)}.");
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        familyName.Equals(Family, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(bold ? Bold : Regular, false, italic)
            : null;

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"OpenRis.Documents.Official.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"Font {faceName} is not embedded in {typeof(EmbeddedFonts).Assembly.GetName().Name}.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
