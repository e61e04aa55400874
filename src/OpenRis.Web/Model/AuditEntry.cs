namespace OpenRis.Web.Model;

/// <summary>Audit trail: who changed what, when. Written by RisDbContext on every save.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }

    public string Actor { get; set; } = "";
    public string EntityType { get; set; } = "";
    public long EntityId { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>JSON object of changed properties: { "Name": ["old", "new"] }.</summary>
    public string? Changes { get; set; }

    public string? Comment { get; set; }
}

public enum AuditAction
{
    Added,
    Modified,
    Deleted,
}
