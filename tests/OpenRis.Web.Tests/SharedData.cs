namespace OpenRis.Web.Tests;

/// <summary>The project's shared reference material (../shared beside the repository).</summary>
public static class SharedData
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", relative);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"shared/{relative} not found above {AppContext.BaseDirectory}.");
    }

    public static string SeedText => File.ReadAllText(Path("seed/000_feb7bdf30d635012.txt"));

    /// <summary>The repository's root (the folder of OpenRis.slnx) above the test binaries, or null when they run elsewhere.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OpenRis.slnx")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
