namespace OpenRis.Web.Import.OParl;

/// <summary>Settings of <c>openris import oparl</c> (section <c>Import:OParl</c>, or the command's options).</summary>
public sealed class OParlImportOptions
{
    public const string Section = "Import:OParl";

    /// <summary>Files larger than this are not downloaded; their metadata is kept and the report says so.</summary>
    public long MaxFileBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>A list page or object larger than this is refused (a broken or hostile endpoint).</summary>
    public long MaxJsonBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Concurrent requests: file downloads of a page, and the next page fetched while one is written.</summary>
    public int Parallelism { get; set; } = 4;

    public bool DownloadFiles { get; set; } = true;

    /// <summary>Per request; retries on 5xx and time-outs come on top (three, with exponential back-off).</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Pages per list before the list is taken to loop (a next chain that never ends).</summary>
    public int MaxPagesPerList { get; set; } = 100_000;

    /// <summary>
    /// Pages are written together until a batch holds this many objects (or the list ends): one
    /// transaction, with the cursor and the OParl documents of the batch, for many pages. Larger is
    /// faster; a crashed run repeats at most one batch.
    /// </summary>
    public int BatchObjects { get; set; } = 2000;

    /// <summary>Ignore the watermark: read every list in full (hashes still skip what did not change).</summary>
    public bool Full { get; set; }
}
