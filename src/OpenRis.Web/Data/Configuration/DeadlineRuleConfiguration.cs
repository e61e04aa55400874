using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenRis.Web.Model;

namespace OpenRis.Web.Data.Configuration;

internal sealed class DeadlineRuleConfiguration : IEntityTypeConfiguration<DeadlineRule>
{
    public void Configure(EntityTypeBuilder<DeadlineRule> rule)
    {
        rule.Property(r => r.Label).HasMaxLength(300);
        rule.Property(r => r.LegalBasis).HasMaxLength(300);
        rule.HasOne(r => r.Body).WithMany().HasForeignKey(r => r.BodyId).OnDelete(DeleteBehavior.Restrict);
        rule.HasOne(r => r.PaperKind).WithMany().HasForeignKey(r => r.PaperKindId).OnDelete(DeleteBehavior.Restrict);
        // One rule per body and kind (PostgreSQL and SQLite treat NULL kinds as distinct, so the default is not guarded here).
        rule.HasIndex(r => new { r.BodyId, r.PaperKindId }).IsUnique();
    }
}
