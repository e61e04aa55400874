namespace OpenRis.Web.Model;

/// <summary>
/// What every OParl object carries (OParl 1.1 §3.1). <see cref="Created"/>, <see cref="Modified"/>,
/// <see cref="Revision"/> and <see cref="Deleted"/> are kept by <c>RisDbContext</c> on save, never by hand.
/// </summary>
public abstract class OParlObject
{
    public long Id { get; set; }

    /// <summary>UTC. Set once when the row is first saved.</summary>
    public DateTime Created { get; set; }

    /// <summary>UTC. Bumped on every change, including changes to embedded children (OParl 1.1 §2.8).</summary>
    public DateTime Modified { get; set; }

    /// <summary>Soft delete: OParl serves a tombstone instead of a 404.</summary>
    public bool Deleted { get; set; }

    /// <summary>Optimistic concurrency: two clerks editing at once get a conflict, not a silent overwrite.</summary>
    public int Revision { get; set; }

    public List<string> Keyword { get; set; } = [];

    /// <summary>Licence URL of this object where it differs from the body's.</summary>
    public string? License { get; set; }
}

/// <summary>Objects that belong to one Body and appear in one of its OParl lists.</summary>
public abstract class BodyObject : OParlObject
{
    public long BodyId { get; set; }
    public Body Body { get; set; } = null!;
}
