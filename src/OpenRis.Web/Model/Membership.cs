namespace OpenRis.Web.Model;

/// <summary>OParl Membership of a person in an organization. Embedded in its Person.</summary>
public sealed class Membership : BodyObject
{
    public long PersonId { get; set; }
    public Person Person { get; set; } = null!;

    public long OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;

    public string? Role { get; set; }
    public bool? VotingRight { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    public long? OnBehalfOfId { get; set; }
    public Organization? OnBehalfOf { get; set; }

    public bool IsActiveOn(DateOnly day) =>
        (StartDate is null || StartDate <= day) && (EndDate is null || day <= EndDate);
}
