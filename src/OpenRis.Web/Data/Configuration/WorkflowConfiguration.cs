using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenRis.Web.Model;

namespace OpenRis.Web.Data.Configuration;

internal sealed class WorkflowConfiguration :
    IEntityTypeConfiguration<RisUser>,
    IEntityTypeConfiguration<PaperTransition>,
    IEntityTypeConfiguration<PaperVersion>,
    IEntityTypeConfiguration<NumberSequence>,
    IEntityTypeConfiguration<NumberCounter>,
    IEntityTypeConfiguration<Commitment>,
    IEntityTypeConfiguration<CommitmentReport>
{
    public void Configure(EntityTypeBuilder<CommitmentReport> report)
    {
        report.HasOne(r => r.Commitment).WithMany(c => c.Reports).HasForeignKey(r => r.CommitmentId);
        report.HasOne(r => r.Meeting).WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne(r => r.Paper).WithMany().HasForeignKey(r => r.PaperId).OnDelete(DeleteBehavior.Restrict);
        // One report per meeting: a resent form cannot record it twice.
        report.HasIndex(r => new { r.CommitmentId, r.MeetingId }).IsUnique();
        report.Property(r => r.RecordedBy).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<Commitment> commitment)
    {
        commitment.HasOne(c => c.Paper).WithMany().HasForeignKey(c => c.PaperId).OnDelete(DeleteBehavior.Restrict);
        commitment.HasOne(c => c.FulfilledByPaper).WithMany().HasForeignKey(c => c.FulfilledByPaperId).OnDelete(DeleteBehavior.Restrict);
        commitment.HasOne(c => c.RecurringOrganization).WithMany().HasForeignKey(c => c.RecurringOrganizationId).OnDelete(DeleteBehavior.Restrict);
        commitment.HasIndex(c => new { c.Status, c.DueDate });
        commitment.Property(c => c.Recurrence).HasMaxLength(200);
        commitment.Property(c => c.ConfirmedBy).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<RisUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.Property(u => u.Function).HasMaxLength(200);
        user.HasOne(u => u.Organization).WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PaperTransition> transition)
    {
        transition.HasOne(t => t.Paper).WithMany(p => p.Transitions).HasForeignKey(t => t.PaperId);
        transition.Property(t => t.Actor).HasMaxLength(256);
        transition.Property(t => t.Action).HasMaxLength(100);
        transition.HasIndex(t => new { t.PaperId, t.At });
    }

    public void Configure(EntityTypeBuilder<PaperVersion> version)
    {
        version.HasOne(v => v.Paper).WithMany(p => p.Versions).HasForeignKey(v => v.PaperId);
        version.Property(v => v.Actor).HasMaxLength(256);
        version.Property(v => v.Reason).HasMaxLength(1000);
        version.HasIndex(v => new { v.PaperId, v.Number }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<NumberSequence> sequence)
    {
        sequence.HasIndex(s => s.Key).IsUnique();
        sequence.Property(s => s.Key).HasMaxLength(64);
        sequence.Property(s => s.Pattern).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<NumberCounter> counter)
    {
        // The table name is fixed: PaperNumbering increments it with hand-written SQL.
        counter.ToTable("NumberCounters");
        counter.HasKey(c => new { c.SequenceKey, c.Period });
        counter.Property(c => c.SequenceKey).HasMaxLength(64);
    }
}
