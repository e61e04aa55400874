using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Http.Resilience;
using OpenRis.Web.Data;
using OpenRis.Web.Files;
using OpenRis.Web.Import.OParl;
using Polly;

namespace OpenRis.Web.Tests.Import;

/// <summary>Runs the OParl importer against a test database, with retries that back off in milliseconds instead of seconds.</summary>
public static class ImportHarness
{
    public static HttpClient Http(int timeoutSeconds = 10)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        OParlImportServices.ConfigureResilience(pipeline, timeoutSeconds, TimeSpan.FromMilliseconds(10));
        return new HttpClient(new ResilienceHandler(pipeline.Build()) { InnerHandler = new SocketsHttpHandler() }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public static async Task<(OParlImportReport Report, string Output)> RunAsync(TestDatabase database, string systemUrl, OParlImportOptions? options = null)
    {
        await using var db = database.NewContext(actor: "openris import oparl");
        using var http = Http();
        var output = new StringWriter();
        var importer = new OParlImporter(db, new FileStore(new FileStoreOptions { Root = database.FilesRoot }), new PdfText(Microsoft.Extensions.Logging.Abstractions.NullLogger<PdfText>.Instance), http, options ?? new OParlImportOptions(), output);
        var report = await importer.RunAsync(systemUrl, TestContext.Current.CancellationToken);
        await output.WriteLineAsync(report.Render(importer.Elapsed));
        return (report, output.ToString());
    }

    /// <summary>Row counts, revisions and the data version: equal snapshots mean nothing was written.</summary>
    public static async Task<string> SnapshotAsync(RisDbContext db)
    {
        var ct = TestContext.Current.CancellationToken;
        var parts = new List<string>
        {
            $"bodies {await db.Bodies.IgnoreQueryFilters().CountAsync(ct)}/{await db.Bodies.IgnoreQueryFilters().SumAsync(e => e.Revision, ct)}",
            $"terms {await db.LegislativeTerms.IgnoreQueryFilters().CountAsync(ct)}/{await db.LegislativeTerms.IgnoreQueryFilters().SumAsync(e => e.Revision, ct)}",
            $"locations {await db.Locations.IgnoreQueryFilters().CountAsync(ct)}/{await db.Locations.IgnoreQueryFilters().SumAsync(e => e.Revision, ct)}",
            $"organizations {await db.Organizations.IgnoreQueryFilters().CountAsync(ct)}/{await db.Organizations.IgnoreQueryFilters().SumAsync(e => e.Revision, ct)}",
            $"persons {await db.Persons.IgnoreQueryFilters().CountAsync(ct)}/{await db.Persons.IgnoreQueryFilters().SumAsync(e => e.Revision, ct)}",
            $"memberships {await db.Memberships.IgnoreQueryFilters().CountAsync(ct)}/{await db.Memberships.IgnoreQueryFilters().SumAsync(e => e.Revision, ct)}",
            $"meetings {await db.Meetings.IgnoreQueryFilters().CountAsync(ct)}/{await db.Meetings.IgnoreQueryFilters().SumAsync(e => e.Revision, ct)}",
            $"agendaItems {await db.AgendaItems.IgnoreQueryFilters().CountAsync(ct)}/{await db.AgendaItems.IgnoreQueryFilters().SumAsync(e => e.Revision, ct)}",
            $"papers {await db.Papers.IgnoreQueryFilters().CountAsync(ct)}/{await db.Papers.IgnoreQueryFilters().SumAsync(e => e.Revision, ct)}",
            $"consultations {await db.Consultations.IgnoreQueryFilters().CountAsync(ct)}/{await db.Consultations.IgnoreQueryFilters().SumAsync(e => e.Revision, ct)}",
            $"files {await db.Files.IgnoreQueryFilters().CountAsync(ct)}/{await db.Files.IgnoreQueryFilters().SumAsync(e => e.Revision, ct)}",
            $"imported {await db.Set<OParlImportedObject>().CountAsync(ct)}",
            $"documents {await db.OParlDocuments.CountAsync(ct)}",
            $"dataVersion {await db.Set<OpenRis.Web.OParl.OParlProjectionState>().Select(s => s.DataVersion).FirstOrDefaultAsync(ct)}",
        };
        return string.Join(", ", parts);
    }

    /// <summary>
    /// A one-page PDF whose text layer holds <paramref name="text"/> (ASCII), written by hand with the standard Helvetica;
    /// with <paramref name="size"/>, a comment after the header pads it to exactly that many bytes.
    /// </summary>
    public static byte[] Pdf(string text, int size = 0)
    {
        var pdf = Pdf(text, "");
        var padding = size - pdf.Length - 2;
        for (var attempt = 0; attempt < 5 && padding > 0 && pdf.Length != size; attempt++)
        {
            // The startxref offset gains digits with the padding: shrink it by what they add.
            pdf = Pdf(text, "%" + new string('0', padding) + "\n");
            padding -= pdf.Length - size;
        }
        return pdf;
    }

    private static byte[] Pdf(string text, string padding)
    {
        var content = $"BT /F1 12 Tf 50 800 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n").Append(padding);
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
