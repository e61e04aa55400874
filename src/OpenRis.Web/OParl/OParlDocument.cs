using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenRis.Web.OParl;

/// <summary>
/// The public OParl 1.1 JSON of one object, kept current on every write (OParlProjection), so
/// that list pages are assembled from stored bytes instead of serializing entities per request.
/// The JSON is kept as UTF-8 bytes: pages are written to the response as they are read, without
/// decoding to strings and encoding back.
/// </summary>
public sealed class OParlDocument
{
    /// <summary>OParl type key as used in our URLs: "paper", "agendaItem" …</summary>
    public string Type { get; set; } = "";

    public long ObjectId { get; set; }

    /// <summary>The body whose lists hold it (for the System and Body rows: the body itself, or 0).</summary>
    public long BodyId { get; set; }

    /// <summary>Anonymous clients may see it. Objects that never were visible are not served at all.</summary>
    public bool Visible { get; set; }

    /// <summary>A tombstone: deleted, or depublished after having been public.</summary>
    public bool Deleted { get; set; }

    /// <summary>UTC, as in the JSON (for the list filters).</summary>
    public DateTime Created { get; set; }

    /// <summary>UTC, as in the JSON (for the list filters).</summary>
    public DateTime Modified { get; set; }

    /// <summary>The standalone JSON object (with back-references), or the tombstone; UTF-8.</summary>
    public byte[] Json { get; set; } = [];

    /// <summary>
    /// The same without the embedded arrays that omit_internal=true leaves out (OParl 1.1 §2.5),
    /// or null where the type has none.
    /// </summary>
    public byte[]? JsonOmitInternal { get; set; }
}

internal sealed class OParlDocumentConfiguration : IEntityTypeConfiguration<OParlDocument>
{
    public void Configure(EntityTypeBuilder<OParlDocument> document)
    {
        document.HasKey(d => new { d.Type, d.ObjectId });
        document.Property(d => d.Type).HasMaxLength(32);
        // Lists page through one type of one body in id order. Visible and Deleted are in the index
        // so that counting a list reads the index only, not the kilobytes of JSON of every row.
        document.HasIndex(d => new { d.Type, d.BodyId, d.ObjectId, d.Visible, d.Deleted });
    }
}

/// <summary>What the stored documents were rendered for; a change of either re-renders them all.</summary>
public sealed class OParlProjectionState
{
    public int Id { get; set; }
    public string BaseUrl { get; set; } = "";
    public int Version { get; set; }

    /// <summary>
    /// Raised in the transaction of every save that changes a stored document. Equal data versions
    /// mean equal pages: list counts are cached and list ETags derived from it, so that a 304 or a
    /// count costs no pass over the documents.
    /// </summary>
    public long DataVersion { get; set; }
}

internal sealed class OParlProjectionStateConfiguration : IEntityTypeConfiguration<OParlProjectionState>
{
    public void Configure(EntityTypeBuilder<OParlProjectionState> state) =>
        state.Property(s => s.Id).ValueGeneratedNever();
}
