using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenRis.Web.Model;

namespace OpenRis.Web.Data.Configuration;

internal sealed class StructureConfiguration :
    IEntityTypeConfiguration<Body>,
    IEntityTypeConfiguration<LegislativeTerm>,
    IEntityTypeConfiguration<Organization>,
    IEntityTypeConfiguration<Person>,
    IEntityTypeConfiguration<Membership>,
    IEntityTypeConfiguration<Location>,
    IEntityTypeConfiguration<DocumentFile>
{
    public void Configure(EntityTypeBuilder<Body> body)
    {
        body.Property(b => b.Ags).HasMaxLength(8).IsFixedLength();
        body.Property(b => b.Rgs).HasMaxLength(12).IsFixedLength();
        body.HasOne(b => b.Location).WithMany().HasForeignKey(b => b.LocationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<LegislativeTerm> term) =>
        term.HasOne(t => t.Body).WithMany(b => b.LegislativeTerms).HasForeignKey(t => t.BodyId).OnDelete(DeleteBehavior.Restrict);

    public void Configure(EntityTypeBuilder<Organization> organization)
    {
        organization.Property(o => o.Name).HasMaxLength(500);
        organization.HasOne(o => o.Body).WithMany(b => b.Organizations).HasForeignKey(o => o.BodyId).OnDelete(DeleteBehavior.Restrict);
        organization.HasOne(o => o.SubOrganizationOf).WithMany().HasForeignKey(o => o.SubOrganizationOfId).OnDelete(DeleteBehavior.Restrict);
        organization.HasOne(o => o.Location).WithMany().HasForeignKey(o => o.LocationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.Property(p => p.Name).HasMaxLength(300);
        person.HasOne(p => p.Body).WithMany().HasForeignKey(p => p.BodyId).OnDelete(DeleteBehavior.Restrict);
        person.HasOne(p => p.Location).WithMany().HasForeignKey(p => p.LocationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Membership> membership)
    {
        membership.HasOne(m => m.Person).WithMany(p => p.Memberships).HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        membership.HasOne(m => m.Organization).WithMany(o => o.Memberships).HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        membership.HasOne(m => m.OnBehalfOf).WithMany().HasForeignKey(m => m.OnBehalfOfId).OnDelete(DeleteBehavior.Restrict);
        membership.HasOne(m => m.Body).WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Location> location) =>
        location.HasOne(l => l.Body).WithMany().HasForeignKey(l => l.BodyId).OnDelete(DeleteBehavior.Restrict);

    public void Configure(EntityTypeBuilder<DocumentFile> file)
    {
        file.Property(f => f.Sha512Checksum).HasMaxLength(128);
        file.Property(f => f.Sha1Checksum).HasMaxLength(40);
        file.Property(f => f.MimeType).HasMaxLength(200);
        file.HasOne(f => f.Body).WithMany().HasForeignKey(f => f.BodyId).OnDelete(DeleteBehavior.Restrict);
        file.HasOne(f => f.Paper).WithMany(p => p.Files).HasForeignKey(f => f.PaperId).OnDelete(DeleteBehavior.Restrict);
        file.HasOne(f => f.Meeting).WithMany(m => m.Files).HasForeignKey(f => f.MeetingId).OnDelete(DeleteBehavior.Restrict);
        file.HasOne(f => f.AgendaItem).WithMany(a => a.Files).HasForeignKey(f => f.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        file.HasOne(f => f.MasterFile).WithMany(f => f.DerivativeFiles).HasForeignKey(f => f.MasterFileId).OnDelete(DeleteBehavior.Restrict);
        file.HasIndex(f => f.Sha512Checksum);
    }
}
