using System.Diagnostics;
using System.Globalization;

namespace OpenRis.Documents;

/// <summary>
/// Reads the text of scanned PDF pages with the Tesseract program and its German data
/// (Debian: tesseract-ocr, tesseract-ocr-deu); poppler's pdftoppm renders the page to an image
/// first, so any image encoding a scanner writes works. Both run as separate processes: nothing
/// native is loaded into the server, and a crash of either costs one page's text, not the server.
/// </summary>
public sealed class TesseractOcr
{
    private const int Resolution = 300; // dpi; Tesseract reads best at about 300
    private static readonly TimeSpan PageTimeout = TimeSpan.FromMinutes(2);
    private readonly string _tesseract;
    private readonly string _pdftoppm;

    private TesseractOcr(string tesseract, string pdftoppm)
    {
        _tesseract = tesseract;
        _pdftoppm = pdftoppm;
    }

    /// <summary>
    /// The OCR of this machine, or null with the reason when tesseract, its German data or
    /// pdftoppm is missing (then scanned pages stay without text).
    /// </summary>
    public static (TesseractOcr? Ocr, string? Missing) Find()
    {
        var tesseract = OnPath("tesseract");
        var pdftoppm = OnPath("pdftoppm");
        if (tesseract is null)
        {
            return (null, "the tesseract program is not installed (apt-get install tesseract-ocr tesseract-ocr-deu)");
        }
        if (pdftoppm is null)
        {
            return (null, "pdftoppm is not installed (apt-get install poppler-utils)");
        }
        var (exit, output) = Run(tesseract, ["--list-langs"], TimeSpan.FromSeconds(30));
        if (exit != 0 || !output.Split('\n').Any(l => l.Trim() == "deu"))
        {
            return (null, "tesseract has no German data (apt-get install tesseract-ocr-deu)");
        }
        return (new TesseractOcr(tesseract, pdftoppm), null);
    }

    /// <summary>The recognised text of one page (1-based), or null when rendering or recognition failed.</summary>
    public string? ReadPage(byte[] pdf, int pageNumber)
    {
        var folder = Directory.CreateTempSubdirectory("openris-ocr-");
        try
        {
            var input = Path.Combine(folder.FullName, "in.pdf");
            File.WriteAllBytes(input, pdf);
            var page = pageNumber.ToString(CultureInfo.InvariantCulture);
            var image = Path.Combine(folder.FullName, "page");
            var (rendered, _) = Run(_pdftoppm, ["-r", Resolution.ToString(CultureInfo.InvariantCulture), "-f", page, "-l", page, "-singlefile", "-gray", "-png", input, image], PageTimeout);
            if (rendered != 0 || !File.Exists(image + ".png"))
            {
                return null;
            }
            var (read, text) = Run(_tesseract, [image + ".png", "stdout", "-l", "deu", "--dpi", Resolution.ToString(CultureInfo.InvariantCulture)], PageTimeout);
            return read == 0 ? text : null;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    private static (int Exit, string Output) Run(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // One thread per page: pages of several uploads are read side by side, not each on all cores.
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, "");
        }
        return (process.ExitCode, output.GetAwaiter().GetResult());
    }
}
