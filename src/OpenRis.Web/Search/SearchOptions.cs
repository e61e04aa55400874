namespace OpenRis.Web.Search;

/// <summary>Settings section <c>Search</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Folder of this node's Lucene index; empty means <c>search</c> beside the file store.</summary>
    public string? IndexPath { get; set; }

    /// <summary>German word list for compound splitting (Debian's wngerman); without it compounds are not split.</summary>
    public string WordList { get; set; } = "/usr/share/dict/ngerman";

    /// <summary>How often the indexer looks at the outbox when nothing woke it.</summary>
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>
    /// Outbox rows younger than this are applied again on every pass: on PostgreSQL a transaction
    /// that took its id earlier can commit after a later one, so "id &gt; position" alone could skip it.
    /// </summary>
    public int LookBackSeconds { get; set; } = 30;

    /// <summary>Outbox rows older than this are deleted; a node that was away longer rebuilds its index.</summary>
    public int OutboxRetentionDays { get; set; } = 14;

    /// <summary>For tests of the crash path only: the indexer waits this long before every pass.</summary>
    public int IndexDelayMilliseconds { get; set; }
}
