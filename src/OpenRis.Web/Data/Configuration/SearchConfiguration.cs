using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenRis.Web.Model;

namespace OpenRis.Web.Data.Configuration;

internal sealed class SearchConfiguration : IEntityTypeConfiguration<SearchOutboxEntry>
{
    public void Configure(EntityTypeBuilder<SearchOutboxEntry> entry)
    {
        entry.ToTable("SearchOutbox");
        entry.Property(e => e.Kind).HasMaxLength(32);
        // Pruning by age, and the indexer's look-back window for transactions that committed late.
        entry.HasIndex(e => e.At);
    }
}
