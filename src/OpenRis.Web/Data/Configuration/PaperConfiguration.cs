using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenRis.Web.Model;

namespace OpenRis.Web.Data.Configuration;

internal sealed class PaperConfiguration : IEntityTypeConfiguration<Paper>
{
    public void Configure(EntityTypeBuilder<Paper> paper)
    {
        paper.Property(p => p.Name).HasMaxLength(1000);
        paper.Property(p => p.Reference).HasMaxLength(64);
        // A Drucksachennummer is unique within its body (NULLs, i.e. unnumbered drafts, do not collide).
        paper.HasIndex(p => new { p.BodyId, p.Reference }).IsUnique();
        // Status first for the workspace's lists; Date and Id after it so that the public's "newest
        // first" (start page, /vorlagen, feeds) walks the index instead of sorting every paper. Public is
        // left out: EF tests a bool column as "p.Public", which SQLite cannot match to an index column.
        paper.HasIndex(p => new { p.Status, p.Date, p.Id });
        // The same for the feeds, which list by Created.
        paper.HasIndex(p => new { p.Status, p.Created, p.Id });
        paper.HasOne(p => p.Kind).WithMany().HasForeignKey(p => p.PaperKindId).OnDelete(DeleteBehavior.Restrict);
        paper.HasOne(p => p.OwnerOrganization).WithMany().HasForeignKey(p => p.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        paper.HasOne(p => p.ParentPaper).WithMany(p => p.SubordinatedPapers).HasForeignKey(p => p.ParentPaperId).OnDelete(DeleteBehavior.Restrict);
        paper.HasOne(p => p.Body).WithMany().HasForeignKey(p => p.BodyId).OnDelete(DeleteBehavior.Restrict);
        paper.HasOne(p => p.TargetMeeting).WithMany().HasForeignKey(p => p.TargetMeetingId).OnDelete(DeleteBehavior.Restrict);

        paper.HasMany(p => p.OriginatorPersons).WithMany().UsingEntity(
            "PaperOriginatorPerson",
            r => r.HasOne(typeof(Person)).WithMany().HasForeignKey("PersonId"),
            l => l.HasOne(typeof(Paper)).WithMany().HasForeignKey("PaperId"));
        paper.HasMany(p => p.OriginatorOrganizations).WithMany().UsingEntity(
            "PaperOriginatorOrganization",
            r => r.HasOne(typeof(Organization)).WithMany().HasForeignKey("OrganizationId"),
            l => l.HasOne(typeof(Paper)).WithMany().HasForeignKey("PaperId"));
        paper.HasMany(p => p.Locations).WithMany(l => l.Papers).UsingEntity(
            "PaperLocation",
            r => r.HasOne(typeof(Location)).WithMany().HasForeignKey("LocationId"),
            l => l.HasOne(typeof(Paper)).WithMany().HasForeignKey("PaperId"));
    }
}

internal sealed class PaperKindConfiguration : IEntityTypeConfiguration<PaperKind>
{
    public void Configure(EntityTypeBuilder<PaperKind> kind)
    {
        kind.HasIndex(k => k.Key).IsUnique();
        kind.Property(k => k.Key).HasMaxLength(64);
        kind.Property(k => k.Name).HasMaxLength(200);
    }
}

internal sealed class PaperPartsConfiguration :
    IEntityTypeConfiguration<Question>,
    IEntityTypeConfiguration<Signature>,
    IEntityTypeConfiguration<PaperOffice>,
    IEntityTypeConfiguration<ImpactAssessment>,
    IEntityTypeConfiguration<ImpactCheck>,
    IEntityTypeConfiguration<PaperReference>
{
    public void Configure(EntityTypeBuilder<Question> question)
    {
        question.HasOne(q => q.Paper).WithMany(p => p.Questions).HasForeignKey(q => q.PaperId);
        question.HasOne(q => q.AnswerPaper).WithMany().HasForeignKey(q => q.AnswerPaperId).OnDelete(DeleteBehavior.Restrict);
        question.HasIndex(q => new { q.PaperId, q.Number }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Signature> signature) =>
        signature.HasOne(s => s.Paper).WithMany(p => p.Signatures).HasForeignKey(s => s.PaperId);

    public void Configure(EntityTypeBuilder<PaperOffice> office)
    {
        office.HasOne(o => o.Paper).WithMany(p => p.Offices).HasForeignKey(o => o.PaperId);
        office.HasOne(o => o.Organization).WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        office.HasIndex(o => new { o.PaperId, o.OrganizationId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ImpactAssessment> assessment)
    {
        assessment.HasOne(a => a.Paper).WithMany(p => p.ImpactAssessments).HasForeignKey(a => a.PaperId);
        assessment.HasOne(a => a.ImpactCheck).WithMany().HasForeignKey(a => a.ImpactCheckId).OnDelete(DeleteBehavior.Restrict);
        assessment.HasIndex(a => new { a.PaperId, a.ImpactCheckId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ImpactCheck> check) => check.HasIndex(c => c.Key).IsUnique();

    public void Configure(EntityTypeBuilder<PaperReference> reference)
    {
        reference.HasOne(r => r.FromPaper).WithMany(p => p.References).HasForeignKey(r => r.FromPaperId);
        reference.HasOne(r => r.ToPaper).WithMany(p => p.CitedBy).HasForeignKey(r => r.ToPaperId).OnDelete(DeleteBehavior.Restrict);
        reference.HasIndex(r => new { r.FromPaperId, r.ToPaperId, r.Kind }).IsUnique();
    }
}
