namespace OpenRis.Web.Model;

/// <summary>OParl Person: council members, officials, faction staff.</summary>
public sealed class Person : BodyObject
{
    public string Name { get; set; } = "";
    public string? FamilyName { get; set; }
    public string? GivenName { get; set; }
    public string? FormOfAddress { get; set; }
    public string? Affix { get; set; }
    public List<string> Title { get; set; } = [];
    public string? Gender { get; set; }
    public List<string> Phone { get; set; } = [];
    public List<string> Email { get; set; } = [];
    public List<string> Status { get; set; } = [];
    public string? Life { get; set; }
    public string? LifeSource { get; set; }

    public long? LocationId { get; set; }
    public Location? Location { get; set; }

    /// <summary>Invented for the demo municipality; the UI says so next to the name.</summary>
    public bool IsFictitious { get; set; }

    public List<Membership> Memberships { get; set; } = [];
}
