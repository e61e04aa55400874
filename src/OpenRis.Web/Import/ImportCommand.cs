namespace OpenRis.Web.Import;

/// <summary><c>openris import &lt;kind&gt; …</c>: the import verbs.</summary>
internal static class ImportCommand
{
    public const string Usage = """
        Aufruf: openris import oparl <System-URL> [Optionen]   (openris import oparl --help)
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var kind = args.Length > 1 ? args[1].ToLowerInvariant() : "";
        switch (kind)
        {
            case "oparl":
                return await OParl.OParlImportCommand.RunAsync(services, args, output);
            default:
                await output.WriteLineAsync($"openris import: unbekannte Art \"{kind}\".\n\n{Usage}");
                return 2;
        }
    }
}
