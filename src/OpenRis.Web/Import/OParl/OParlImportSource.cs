using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenRis.Web.Import.OParl;

/// <summary>
/// One foreign OParl endpoint mirrored by <c>openris import oparl</c>: its watermark for the next
/// incremental run, and the cursor of a run in progress, saved with every page so that a crashed
/// run resumes where it stopped.
/// </summary>
public sealed class OParlImportSource
{
    public long Id { get; set; }

    /// <summary>The System URL as given on the command line.</summary>
    public string SystemUrl { get; set; } = "";

    /// <summary>The vendor adapter chosen from the System object.</summary>
    public string? Vendor { get; set; }

    /// <summary>UTC; the next run asks for modified_since this. Null before the first complete run.</summary>
    public DateTime? Watermark { get; set; }

    /// <summary>UTC start of the run in progress; null when no run is open. Becomes the watermark when it completes.</summary>
    public DateTime? RunStartedAt { get; set; }

    /// <summary>The run in progress: JSON object of list URL → next page URL, or "" when the list is done.</summary>
    public string? Cursor { get; set; }

    public DateTime? LastCompletedAt { get; set; }
}

/// <summary>
/// The foreign id (URL) of an imported object beside our id, so that the next run updates instead
/// of duplicating. The hashes of the JSON last applied let unchanged objects be skipped, so that a
/// second run changes nothing (no new revisions).
/// </summary>
public sealed class OParlImportedObject
{
    public long Id { get; set; }
    public long SourceId { get; set; }

    /// <summary>The foreign OParl id.</summary>
    public string SourceUrl { get; set; } = "";

    /// <summary>OParl type key ("paper", "agendaItem" …).</summary>
    public string Type { get; set; } = "";

    public long EntityId { get; set; }

    /// <summary>Hash of the JSON last applied in its main or embedded form.</summary>
    public string? Hash { get; set; }

    /// <summary>Hash of the JSON last applied from a 1.1 list of an embedded type (agendaItem, file …), which carries back-references.</summary>
    public string? StandaloneHash { get; set; }
}

internal sealed class OParlImportConfiguration : IEntityTypeConfiguration<OParlImportSource>, IEntityTypeConfiguration<OParlImportedObject>
{
    public void Configure(EntityTypeBuilder<OParlImportSource> source)
    {
        source.ToTable("OParlImportSources");
        source.Property(s => s.SystemUrl).HasMaxLength(2000);
        source.HasIndex(s => s.SystemUrl).IsUnique();
        source.Property(s => s.Vendor).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<OParlImportedObject> imported)
    {
        imported.ToTable("OParlImportedObjects");
        imported.Property(i => i.SourceUrl).HasMaxLength(2000);
        imported.Property(i => i.Type).HasMaxLength(32);
        imported.Property(i => i.Hash).HasMaxLength(64);
        imported.Property(i => i.StandaloneHash).HasMaxLength(64);
        imported.HasIndex(i => new { i.SourceId, i.SourceUrl }).IsUnique();
        imported.HasIndex(i => new { i.Type, i.EntityId });
        imported.HasOne<OParlImportSource>().WithMany().HasForeignKey(i => i.SourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
