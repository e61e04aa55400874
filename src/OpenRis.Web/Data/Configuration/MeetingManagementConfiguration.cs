using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenRis.Web.Model;

namespace OpenRis.Web.Data.Configuration;

/// <summary>The council office's records of a meeting that OParl has no type for (issue #8).</summary>
internal sealed class MeetingManagementConfiguration :
    IEntityTypeConfiguration<Attendance>,
    IEntityTypeConfiguration<RollCallVote>,
    IEntityTypeConfiguration<ConflictOfInterest>,
    IEntityTypeConfiguration<AgendaVersion>,
    IEntityTypeConfiguration<Minutes>
{
    public void Configure(EntityTypeBuilder<Attendance> attendance)
    {
        attendance.HasOne(a => a.Meeting).WithMany(m => m.Attendance).HasForeignKey(a => a.MeetingId);
        attendance.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        attendance.HasIndex(a => new { a.MeetingId, a.PersonId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<RollCallVote> vote)
    {
        vote.HasOne(v => v.AgendaItem).WithMany(i => i.RollCall).HasForeignKey(v => v.AgendaItemId);
        vote.HasOne(v => v.Person).WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Restrict);
        vote.HasIndex(v => new { v.AgendaItemId, v.PersonId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ConflictOfInterest> conflict)
    {
        conflict.Property(c => c.Note).HasMaxLength(1000);
        conflict.HasOne(c => c.AgendaItem).WithMany(i => i.Conflicts).HasForeignKey(c => c.AgendaItemId);
        conflict.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        conflict.HasIndex(c => new { c.AgendaItemId, c.PersonId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<AgendaVersion> version)
    {
        version.HasOne(v => v.Meeting).WithMany(m => m.AgendaVersions).HasForeignKey(v => v.MeetingId);
        version.HasIndex(v => new { v.MeetingId, v.Number }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Minutes> minutes)
    {
        minutes.Property(m => m.ChairName).HasMaxLength(200);
        minutes.Property(m => m.MinuteTakerName).HasMaxLength(200);
        minutes.HasOne(m => m.Meeting).WithMany().HasForeignKey(m => m.MeetingId);
        minutes.HasOne(m => m.Corrects).WithMany().HasForeignKey(m => m.CorrectsId).OnDelete(DeleteBehavior.Restrict);
        minutes.HasIndex(m => m.MeetingId);
    }
}
