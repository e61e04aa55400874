using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenRis.Web.Model;

namespace OpenRis.Web.Data.Configuration;

internal sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> follow)
    {
        follow.HasIndex(f => f.Token).IsUnique();
        follow.Property(f => f.Token).HasMaxLength(64);
        follow.Property(f => f.Email).HasMaxLength(254);
        follow.Property(f => f.Query).HasMaxLength(500);
        follow.Property(f => f.Target).HasConversion<string>().HasMaxLength(20);
        follow.HasOne(f => f.Paper).WithMany().HasForeignKey(f => f.PaperId).OnDelete(DeleteBehavior.Cascade);
        follow.HasOne(f => f.Organization).WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
