namespace OpenRis.Documents.Tests;

/// <summary>The seed case from the project's shared material (../shared beside the repository).</summary>
internal static class SharedSeed
{
    public static string Text => File.ReadAllText(Path("seed/000_feb7bdf30d635012.txt"));

    /// <summary>The administration's answer: everything from the heading "ÖFFENTLICHE STELLUNGNAHME".</summary>
    public static string Statement
    {
        get
        {
            var text = Text;
            return text[text.IndexOf("## ÖFFENTLICHE STELLUNGNAHME", StringComparison.Ordinal)..];
        }
    }

    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"shared/{relative} not found above {AppContext.BaseDirectory}.");
    }
}
