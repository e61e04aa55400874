using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OpenRis.Web.Tests.Hosting;

/// <summary>
/// No secrets in the repository: every tracked file (git ls-files) is scanned for private keys, data
/// protection key material, passwords in connection strings or settings and typical access tokens.
/// Documented exceptions only. The demo password (OpenRIS-Demo-2018) is public by design and is no
/// match here: it only opens the demo accounts, and a public installation never runs in demo mode (README).
/// </summary>
public sealed partial class SecretsInRepositoryTests
{
    /// <summary>Placeholders, not secrets: the throwaway test cluster trusts local connections (scripts/start-test-postgres.sh).</summary>
    private static readonly HashSet<string> PlaceholderPasswords = ["unused", "…", "x", "", "postgres"];

    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"<master[K]ey\b|<encrypted[S]ecret\b")]
    private static partial Regex DataProtectionKey();

    /// <summary>Key=value inside a connection string (no spaces around "=", unlike C# assignments).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_.])(?:Password|Pwd)=(?<value>[^;""'\s`]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringPassword();

    [GeneratedRegex(@"""(?:Password|ClientSecret|Secret|ApiKey|Token)""\s*:\s*""(?<value>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex SettingsSecret();

    [GeneratedRegex(@"\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{50,}|glpat-[A-Za-z0-9_-]{20}|AKIA[0-9A-Z]{16}|xox[abpors]-[A-Za-z0-9-]{10,}|sk-[A-Za-z0-9]{32,}|AIza[0-9A-Za-z_-]{35}|eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})")]
    private static partial Regex AccessToken();

    [Fact]
    public void TrackedFiles_ContainNoSecrets()
    {
        var root = RepositoryRoot();
        var tracked = Git(root, "ls-files", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(tracked.Length > 100, $"only {tracked.Length} tracked files");
        Assert.Contains("README.md", tracked);

        var findings = new List<string>();
        foreach (var file in tracked)
        {
            var path = Path.Combine(root, file);
            if (!File.Exists(path) || new FileInfo(path).Length > 5_000_000)
            {
                continue;
            }
            var bytes = File.ReadAllBytes(path);
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                continue; // binary (images, fonts, PDFs)
            }
            findings.AddRange(Scan(System.Text.Encoding.UTF8.GetString(bytes)).Select(f => $"{file}: {f}"));
        }
        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Fact]
    public void Scanner_FindsWhatItLooksFor()
    {
        // Built at run time, so that this file itself holds none of them.
        var dash = new string('-', 5);
        Assert.NotEmpty(Scan($"{dash}BEGIN RSA PRIVATE KEY{dash}\nMIIE"));
        Assert.NotEmpty(Scan($"{dash}BEGIN OPENSSH PRIVATE KEY{dash}"));
        Assert.NotEmpty(Scan("<" + "masterKey p4:requiresEncryption=\"true\">"));
        Assert.NotEmpty(Scan("Host=db;Database=openris;Username=openris;Pass" + "word=Sommer2026!"));
        Assert.NotEmpty(Scan("\"Pass" + "word\": \"geheim123\""));
        Assert.NotEmpty(Scan("token ghp" + "_" + new string('a', 36)));
        Assert.NotEmpty(Scan("AKIA" + "ABCDEFGHIJKLMNOP"));
        Assert.Empty(Scan("Host=db;Database=openris;Username=openris;Pass" + "word=…"));
        Assert.Empty(Scan("\"Pass" + "word\": \"\""));
        Assert.Empty(Scan("OpenRIS-Demo-2018"));
    }

    private static IEnumerable<string> Scan(string text)
    {
        if (PrivateKey().IsMatch(text))
        {
            yield return "private key";
        }
        if (DataProtectionKey().IsMatch(text))
        {
            yield return "data protection key material";
        }
        foreach (var match in ConnectionStringPassword().Matches(text).Concat(SettingsSecret().Matches(text)))
        {
            if (!PlaceholderPasswords.Contains(match.Groups["value"].Value))
            {
                yield return $"password or secret \"{match.Value}\"";
            }
        }
        foreach (Match match in AccessToken().Matches(text))
        {
            yield return $"access token {match.Value[..Math.Min(8, match.Value.Length)]}…";
        }
    }

    private static string RepositoryRoot() =>
        SharedData.RepositoryRoot() ?? throw new InvalidOperationException("The repository root (OpenRis.slnx) was not found above " + AppContext.BaseDirectory);

    private static string Git(string root, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)}: {git.StandardError.ReadToEnd()}");
        return output;
    }
}
