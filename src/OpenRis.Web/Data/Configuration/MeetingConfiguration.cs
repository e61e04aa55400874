using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenRis.Web.Model;

namespace OpenRis.Web.Data.Configuration;

internal sealed class MeetingConfiguration :
    IEntityTypeConfiguration<Meeting>,
    IEntityTypeConfiguration<MeetingOrganization>,
    IEntityTypeConfiguration<AgendaItem>,
    IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Meeting> meeting)
    {
        meeting.Property(m => m.Name).HasMaxLength(500);
        meeting.HasIndex(m => m.Start);
        meeting.HasOne(m => m.Body).WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Restrict);
        meeting.HasOne(m => m.Location).WithMany().HasForeignKey(m => m.LocationId).OnDelete(DeleteBehavior.Restrict);
        meeting.HasMany(m => m.Participants).WithMany().UsingEntity(
            "MeetingParticipant",
            r => r.HasOne(typeof(Person)).WithMany().HasForeignKey("PersonId"),
            l => l.HasOne(typeof(Meeting)).WithMany().HasForeignKey("MeetingId"));
    }

    public void Configure(EntityTypeBuilder<MeetingOrganization> link)
    {
        link.HasKey(l => new { l.MeetingId, l.OrganizationId });
        link.HasOne(l => l.Meeting).WithMany(m => m.Organizations).HasForeignKey(l => l.MeetingId);
        link.HasOne(l => l.Organization).WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // Organization.meeting pages through one organization's meetings in id order.
        link.HasIndex(l => new { l.OrganizationId, l.MeetingId });
    }

    public void Configure(EntityTypeBuilder<AgendaItem> item)
    {
        item.Property(a => a.Name).HasMaxLength(1000);
        item.Property(a => a.Number).HasMaxLength(32);
        item.HasOne(a => a.Meeting).WithMany(m => m.AgendaItems).HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        item.HasOne(a => a.Body).WithMany().HasForeignKey(a => a.BodyId).OnDelete(DeleteBehavior.Restrict);
        item.HasIndex(a => new { a.MeetingId, a.Order });
    }

    public void Configure(EntityTypeBuilder<Consultation> consultation)
    {
        consultation.HasOne(c => c.Paper).WithMany(p => p.Consultations).HasForeignKey(c => c.PaperId).OnDelete(DeleteBehavior.Restrict);
        consultation.HasOne(c => c.Meeting).WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Restrict);
        consultation.HasOne(c => c.AgendaItem).WithOne(a => a.Consultation).HasForeignKey<Consultation>(c => c.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        consultation.HasOne(c => c.Body).WithMany().HasForeignKey(c => c.BodyId).OnDelete(DeleteBehavior.Restrict);
        consultation.HasMany(c => c.Organizations).WithMany().UsingEntity(
            "ConsultationOrganization",
            r => r.HasOne(typeof(Organization)).WithMany().HasForeignKey("OrganizationId"),
            l => l.HasOne(typeof(Consultation)).WithMany().HasForeignKey("ConsultationId"),
            // Organization.consultation pages through one organization's consultations in id order.
            j => j.HasIndex("OrganizationId", "ConsultationId"));
    }
}
