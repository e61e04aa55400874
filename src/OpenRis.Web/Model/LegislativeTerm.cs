namespace OpenRis.Web.Model;

/// <summary>OParl LegislativeTerm (Wahlperiode). Embedded in its Body.</summary>
public sealed class LegislativeTerm : BodyObject
{
    public string Name { get; set; } = "";
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    public bool Includes(DateOnly day) =>
        (StartDate is null || StartDate <= day) && (EndDate is null || day <= EndDate);
}
