using System.Text;
using OpenRis.Web.Demo;
using OpenRis.Web.Export;
using OpenRis.Web.Files;
using OpenRis.Web.Import.OParl;
using OpenRis.Web.OParl;
using OpenRis.Web.Tests.Demo;

namespace OpenRis.Web.Tests.Import;

/// <summary>
/// Moving an instance (issue #7): export → import the export folder (no web server) into an empty
/// instance at another host → export again. The two dumps must be the same bytes once the host name
/// is replaced: every id, created/modified, field, the System and every file content.
/// </summary>
public sealed partial class OParlRoundTripTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ExportDemo_ImportFolderIntoEmptyInstance_ExportAgain_ByteIdenticalApartFromHost(string provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await using (var db = await source.MigratedContextAsync())
        {
            await DemoMunicipality.SeedAsync(db, new FileStore(new FileStoreOptions { Root = source.FilesRoot }), Token);
        }
        await AssertIdenticalRoundTripAsync(source, provider, minimumObjects: 50);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ExportGenerated_ImportFolderIntoEmptyInstance_ExportAgain_ByteIdenticalApartFromHost(string provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await using (var db = await source.MigratedContextAsync())
        {
            var options = new GeneratorOptions { Papers = 300, Seed = 7, TextsDirectory = MunicipalityGeneratorTests.TextsDirectory.Value, BatchSize = 100 };
            await MunicipalityGenerator.GenerateAsync(db, new FileStore(new FileStoreOptions { Root = source.FilesRoot }), options, cancellationToken: Token);
        }
        await AssertIdenticalRoundTripAsync(source, provider, minimumObjects: 1000);
    }

    private static async Task AssertIdenticalRoundTripAsync(TestDatabase source, string provider, int minimumObjects)
    {
        var first = Path.Combine(source.Folder, "export-1");
        await using (var db = source.NewContext())
        {
            // The documents as a server at http://localhost serves them.
            await TestDatabase.Projection.EnsureCurrentAsync(db, TimeProvider.System.GetUtcNow().UtcDateTime, null, Token);
            await ExportCommand.ExportAsync(db, new FileStore(new FileStoreOptions { Root = source.FilesRoot }), "http://localhost", first, Token);
        }

        await using var target = await TestDatabase.CreateAsync(provider);
        await (await target.MigratedContextAsync()).DisposeAsync();
        var projection = new OParlProjection(new OParlOptions { BaseUrl = MirrorBase });
        var output = new StringWriter();
        await using (var db = target.NewContext())
        {
            db.Projection = projection;
            var (systemUrl, http) = OParlExportFolder.Open(first) ?? throw new InvalidOperationException("export.json missing");
            using (http)
            {
                var importer = new OParlImporter(db, new FileStore(new FileStoreOptions { Root = target.FilesRoot }), new PdfText(Microsoft.Extensions.Logging.Abstractions.NullLogger<PdfText>.Instance), http, new OParlImportOptions(), output);
                var report = await importer.RunAsync(systemUrl, Token);
                Assert.True(report.Failure is null, output + report.Render(importer.Elapsed));
            }
        }
        var second = Path.Combine(target.Folder, "export-2");
        await using (var db = target.NewContext())
        {
            db.Projection = projection;
            await ExportCommand.ExportAsync(db, new FileStore(new FileStoreOptions { Root = target.FilesRoot }), MirrorBase, second, Token);
        }

        var before = Directory.EnumerateFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToList();
        var after = Directory.EnumerateFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order(StringComparer.Ordinal).ToList();
        Assert.True(before.Count >= minimumObjects, $"only {before.Count} files exported");
        Assert.Contains(before, f => f.StartsWith("files" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        var differences = before.Except(after).Select(f => $"missing after the round trip: {f}")
            .Concat(after.Except(before).Select(f => $"new after the round trip: {f}")).ToList();
        foreach (var file in before.Intersect(after))
        {
            var original = await File.ReadAllBytesAsync(Path.Combine(first, file), Token);
            var copy = await File.ReadAllBytesAsync(Path.Combine(second, file), Token);
            if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                copy = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(copy).Replace(MirrorBase, "http://localhost", StringComparison.Ordinal));
            }
            if (!original.AsSpan().SequenceEqual(copy))
            {
                differences.Add($"{file}:\n  before {Shown(original)}\n  after  {Shown(copy)}");
            }
        }
        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(5)) + $"\n({differences.Count} differences in {before.Count} files)\n{output}");
    }

    // The start of a file for the message (characters, not bytes: the texts are German).
    private static string Shown(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return text[..Math.Min(text.Length, 1500)];
    }
}
