using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Model;
using OpenRis.Web.OParl;

namespace OpenRis.Web.Data;

/// <summary>
/// The one model in the middle. Timestamps, soft delete, revisions, the bump of a parent's
/// <c>modified</c> and the audit trail are kept here on save (see RisDbContext.Saving.cs), so that
/// no page or import has to remember them. One subclass per provider carries that provider's
/// migrations; add a migration to both with <c>scripts/add-migration.sh Name</c>. It also hosts the
/// Identity tables (accounts), so one connection and one transaction cover everything.
/// </summary>
public abstract partial class RisDbContext(DbContextOptions options, TimeProvider clock, AuditActor actor, OParlProjection? projection) : IdentityUserContext<RisUser, long>(options)
{
    public const string SoftDeleteFilter = "SoftDelete";

    public DbSet<OParlSystem> Systems => Set<OParlSystem>();
    public DbSet<Body> Bodies => Set<Body>();
    public DbSet<LegislativeTerm> LegislativeTerms => Set<LegislativeTerm>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Paper> Papers => Set<Paper>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<DocumentFile> Files => Set<DocumentFile>();
    public DbSet<Location> Locations => Set<Location>();

    public DbSet<PaperKind> PaperKinds => Set<PaperKind>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<Signature> Signatures => Set<Signature>();
    public DbSet<PaperOffice> PaperOffices => Set<PaperOffice>();
    public DbSet<ImpactCheck> ImpactChecks => Set<ImpactCheck>();
    public DbSet<ImpactAssessment> ImpactAssessments => Set<ImpactAssessment>();
    public DbSet<PaperReference> PaperReferences => Set<PaperReference>();
    public DbSet<MeetingOrganization> MeetingOrganizations => Set<MeetingOrganization>();
    public DbSet<DeadlineRule> DeadlineRules => Set<DeadlineRule>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PaperTransition> PaperTransitions => Set<PaperTransition>();
    public DbSet<PaperVersion> PaperVersions => Set<PaperVersion>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<NumberCounter> NumberCounters => Set<NumberCounter>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<CommitmentReport> CommitmentReports => Set<CommitmentReport>();
    public DbSet<OParlDocument> OParlDocuments => Set<OParlDocument>();
    public DbSet<Attendance> Attendances => Set<Attendance>();
    public DbSet<RollCallVote> RollCallVotes => Set<RollCallVote>();
    public DbSet<ConflictOfInterest> ConflictsOfInterest => Set<ConflictOfInterest>();
    public DbSet<AgendaVersion> AgendaVersions => Set<AgendaVersion>();
    public DbSet<Minutes> Minutes => Set<Minutes>();
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();
    public DbSet<SearchOutboxEntry> SearchOutbox => Set<SearchOutboxEntry>();
    public DbSet<Follow> Follows => Set<Follow>();
    public DbSet<ImportProposal> ImportProposals => Set<ImportProposal>();

    /// <summary>Keeps the stored OParl JSON current on save; null only where no API is served (design time).</summary>
    public OParlProjection? Projection { get; set; } = projection;

    /// <summary>The clock every save stamps with.</summary>
    public TimeProvider Clock => clock;

    /// <summary>Off only for bulk generation of synthetic data, where an audit row per object says nothing.</summary>
    public bool AuditEnabled { get; set; } = true;

    /// <summary>
    /// On only while an instance is moved (the OParl import adopting a source's ids and times): saves keep
    /// the created/modified the objects were given instead of the clock's, parents are not bumped (the
    /// source moved them already), and the OParl documents are rendered with those times.
    /// </summary>
    public bool KeepsSourceTimes { get; set; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as their names: readable in the database and stable when members are added.
        configurationBuilder.Properties<PaperStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<MeetingState>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<FileRole>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<OfficeRole>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PaperOriginator>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PaperReferenceKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<AuditAction>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<RisRole>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<CommitmentStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DeadlineUnit>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<AnswerDueBasis>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<AttendanceStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<VoteChoice>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ResultKind>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RisDbContext).Assembly);

        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(OParlObject).IsAssignableFrom(t.ClrType)).ToList())
        {
            var entity = builder.Entity(type.ClrType);
            entity.Property(nameof(OParlObject.Revision)).IsConcurrencyToken();
            // Lists are crawled with modified_since in a stable order.
            entity.HasIndex(nameof(OParlObject.Modified), nameof(OParlObject.Id));
            if (typeof(BodyObject).IsAssignableFrom(type.ClrType))
            {
                entity.HasIndex(nameof(BodyObject.BodyId), nameof(OParlObject.Id));
            }
        }

        ApplySoftDeleteFilters(builder);
    }
}
