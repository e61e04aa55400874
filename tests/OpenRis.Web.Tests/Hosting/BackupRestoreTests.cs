using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Demo;
using OpenRis.Web.Files;
using OpenRis.Web.Model;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Hosting;

/// <summary>
/// <c>openris backup</c> of a running server with demo data plus non-public and draft content, files,
/// a filed paper (workflow history, audit, mail queue) and sign-in keys; <c>openris restore</c> into an
/// empty instance; then every table row by row and every file byte by byte. A corrupted backup and a
/// non-empty target are refused.
/// </summary>
public sealed class BackupRestoreTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task BackupWhileServing_RestoreIntoEmptyInstance_EveryRowAndFileEqual(string provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        var backup = Path.Combine(source.Folder, "backup");
        var (server, url) = await OpenRisProcess.StartAsync(source, new Dictionary<string, string> { ["Alerts:CheckMinutes"] = "0" });
        try
        {
            await PlantNonPublicContentAsync(source);
            var faction = await OpenRisProcess.SignInAsync(url, "fraktion");
            using (var filed = await faction.SubmitAsync($"/arbeitsbereich/vorlagen/{await FactionDraftAsync(source)}", "Beim Ratsbüro einreichen", []))
            {
                Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
            }
            var (exitCode, output) = await OpenRisProcess.RunAsync(source, "backup", backup);
            Assert.True(exitCode == 0, output);
        }
        finally
        {
            OpenRisProcess.Kill(server);
        }

        await using var target = await TestDatabase.CreateAsync(provider);
        var (restored, restoreOutput) = await OpenRisProcess.RunAsync(target, "restore", backup);
        Assert.True(restored == 0, restoreOutput);

        var tables = await ReadTablesAsync(source);
        var copies = await ReadTablesAsync(target);
        Assert.Equal(tables.Keys.Order(), copies.Keys.Order());
        foreach (var (table, rows) in tables)
        {
            Assert.True(rows.SequenceEqual(copies[table]), $"{table}: {rows.Count} rows before, {copies[table].Count} after; first difference: " +
                (rows.Except(copies[table]).FirstOrDefault() ?? copies[table].Except(rows).FirstOrDefault()));
        }
        // Not vacuous: what an OParl export leaves out is there.
        foreach (var table in new[] { "Papers", "PaperTransitions", "AuditEntries", "OutgoingMails", "AspNetUsers", "SearchOutbox", "Files" })
        {
            Assert.True(tables.TryGetValue(table, out var rows) && rows.Count > 0, $"{table} is empty in the source");
        }
        Assert.Contains(tables["Papers"], r => r.Contains("Sicherungsentwurf", StringComparison.Ordinal));
        Assert.Contains(tables["Files"], r => r.Contains("Sicherungsnotiz", StringComparison.Ordinal));

        AssertSameFiles(source.FilesRoot, target.FilesRoot);
        AssertSameFiles(Path.Combine(source.Folder, "keys"), Path.Combine(target.Folder, "keys"));
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(target.Folder, "search")));

        // The restored instance serves: the search index was rebuilt, the old sign-in keys work.
        var (copy, copyUrl) = await OpenRisProcess.StartAsync(target, new Dictionary<string, string> { ["Alerts:CheckMinutes"] = "0" });
        try
        {
            using var http = new HttpClient();
            var hits = await http.GetStringAsync(new Uri(copyUrl + "/api/search?q=Digitalisierungsstrategie"), Token);
            Assert.Contains("0930/2018", hits, StringComparison.Ordinal);
            // PostgreSQL's identity sequences came along: a new row gets a fresh id.
            await FactionDraftAsync(target);
        }
        finally
        {
            OpenRisProcess.Kill(copy);
        }

        // Restoring again over data is refused without --force.
        var (again, againOutput) = await OpenRisProcess.RunAsync(target, "restore", backup);
        Assert.True(again == 1, againOutput);
        Assert.Contains("nicht leer", againOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Restore_OfACorruptedBackup_IsRefusedAndTouchesNothing(string provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        var backup = Path.Combine(source.Folder, "backup");
        var (seeded, seedOutput) = await OpenRisProcess.RunAsync(source, "seed");
        Assert.True(seeded == 0, seedOutput);
        var (exitCode, output) = await OpenRisProcess.RunAsync(source, "backup", backup);
        Assert.True(exitCode == 0, output);

        var content = Directory.EnumerateFiles(Path.Combine(backup, "files"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var bytes = await File.ReadAllBytesAsync(content, Token);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(content, bytes, Token);

        await using var target = await TestDatabase.CreateAsync(provider);
        var (restored, restoreOutput) = await OpenRisProcess.RunAsync(target, "restore", backup, "--force");
        Assert.True(restored == 1, restoreOutput);
        Assert.Contains("Backup beschädigt, nichts wiederhergestellt", restoreOutput, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(content), restoreOutput, StringComparison.Ordinal);
        Assert.Empty(await ReadTablesAsync(target));
        Assert.False(Directory.Exists(target.FilesRoot));

        // A backup without its manifest (interrupted) is refused as well.
        File.Delete(Path.Combine(backup, "backup.json"));
        (restored, restoreOutput) = await OpenRisProcess.RunAsync(target, "restore", backup);
        Assert.True(restored == 1, restoreOutput);
        Assert.Contains("backup.json fehlt", restoreOutput, StringComparison.Ordinal);
    }

    /// <summary>A non-public file with content, a faction's draft and a statement draft, as the leak test plants them.</summary>
    private static async Task PlantNonPublicContentAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var store = new FileStore(new FileStoreOptions { Root = database.FilesRoot });
        var inquiry = await db.Papers.SingleAsync(p => p.Reference == "0930/2018", Token);
        var text = "Sicherungsnotiz: interne Abstimmung, nicht öffentlich.";
        var stored = await store.SaveAsync(Encoding.UTF8.GetBytes(text), Token);
        db.Files.Add(new DocumentFile
        {
            BodyId = inquiry.BodyId,
            PaperId = inquiry.Id,
            Name = "Interne Notiz Sicherungsnotiz",
            FileName = "notiz.txt",
            MimeType = "text/plain",
            Public = false,
            Sha512Checksum = stored.Sha512,
            Size = stored.Size,
            Text = text,
        });
        var amt11 = await db.Organizations.SingleAsync(o => o.Name == "Amt 11", Token);
        db.Papers.Add(new Paper
        {
            BodyId = inquiry.BodyId,
            Kind = await db.PaperKinds.SingleAsync(k => k.Key == PaperKindKeys.Statement, Token),
            Name = "Stellungnahme der Verwaltung (Entwurf)",
            Status = PaperStatus.Draft,
            ParentPaperId = inquiry.Id,
            OwnerOrganizationId = amt11.Id,
            Text = "Sicherungsentwurf: erste Fassung der Antwort.",
        });
        await db.SaveChangesAsync(Token);
    }

    private static async Task<long> FactionDraftAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var faction = await db.Organizations.SingleAsync(o => o.ShortName == "Hagen Aktiv", Token);
        var meeting = await db.Meetings.Where(m => m.Name == "Sitzung des Rates der Stadt Hagen").OrderByDescending(m => m.Start).FirstAsync(Token);
        var paper = new Paper
        {
            BodyId = faction.BodyId,
            Kind = await db.PaperKinds.SingleAsync(k => k.Key == PaperKindKeys.Inquiry, Token),
            Name = "Anfrage der Fraktion Hagen Aktiv",
            Subject = "Sicherungsprobe",
            Status = PaperStatus.Draft,
            OwnerOrganizationId = faction.Id,
            TargetMeetingId = meeting.Id,
        };
        paper.Questions.Add(new Question { Paper = paper, Number = 1, Text = "Wie wird gesichert?" });
        paper.Signatures.Add(new Signature { Paper = paper, Position = 0, Formula = Signature.CertifiedCorrect, Name = "Geschäftsstelle" });
        db.Papers.Add(paper);
        await db.SaveChangesAsync(Token);
        return paper.Id;
    }

    /// <summary>Every table (the migration history included) as its rows, each row its values in invariant text, sorted.</summary>
    private static async Task<Dictionary<string, List<string>>> ReadTablesAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Token);
        var names = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = database.Provider == Web.Data.DatabaseProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
            await using var reader = await command.ExecuteReaderAsync(Token);
            while (await reader.ReadAsync(Token))
            {
                names.Add(reader.GetString(0));
            }
        }
        var tables = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{name}\"";
            await using var reader = await command.ExecuteReaderAsync(Token);
            var rows = new List<string>();
            while (await reader.ReadAsync(Token))
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={Text(reader, i)}")));
            }
            rows.Sort(StringComparer.Ordinal);
            tables[name] = rows;
        }
        return tables;
    }

    private static string Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? "NULL" : reader.GetValue(column) switch
    {
        byte[] bytes => Convert.ToHexString(bytes),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString() ?? "",
    };

    private static void AssertSameFiles(string expected, string actual)
    {
        var before = Directory.EnumerateFiles(expected, "*", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith(".tmp", StringComparison.Ordinal)).Select(p => Path.GetRelativePath(expected, p)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(before);
        var after = Directory.Exists(actual)
            ? Directory.EnumerateFiles(actual, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(actual, p)).Order(StringComparer.Ordinal).ToList()
            : [];
        Assert.Equal(before, after);
        foreach (var file in before)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), $"{file} differs");
        }
    }
}
