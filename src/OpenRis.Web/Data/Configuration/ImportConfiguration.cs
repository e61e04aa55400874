using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenRis.Web.Model;

namespace OpenRis.Web.Data.Configuration;

public sealed class ImportProposalConfiguration : IEntityTypeConfiguration<ImportProposal>
{
    public void Configure(EntityTypeBuilder<ImportProposal> builder)
    {
        builder.Property(p => p.FileName).HasMaxLength(400);
        builder.Property(p => p.ContentHash).HasMaxLength(64);
        builder.HasIndex(p => p.ContentHash).IsUnique();
        builder.Property(p => p.Format).HasMaxLength(32);
        builder.Property(p => p.Channel).HasMaxLength(32);
        builder.Property(p => p.CreatedBy).HasMaxLength(200);
        builder.Property(p => p.ReviewedBy).HasMaxLength(200);
        builder.Property(p => p.RejectionReason).HasMaxLength(2000);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(p => new { p.Status, p.Id });
        builder.Ignore(p => p.Papers);
    }
}
