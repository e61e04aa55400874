namespace OpenRis.Web.Model;

/// <summary>OParl Body (Körperschaft): the municipality whose council work is published.</summary>
public sealed class Body : OParlObject
{
    public string Name { get; set; } = "";
    public string? ShortName { get; set; }
    public string? Website { get; set; }
    public DateTime? LicenseValidSince { get; set; }
    public DateTime? OparlSince { get; set; }

    /// <summary>Amtlicher Gemeindeschlüssel: always eight digits, leading zero kept.</summary>
    public string? Ags { get; set; }

    /// <summary>Regionalschlüssel: twelve digits.</summary>
    public string? Rgs { get; set; }

    public List<string> Equivalent { get; set; } = [];
    public string? ContactEmail { get; set; }
    public string? ContactName { get; set; }
    public string? Classification { get; set; }

    public long? LocationId { get; set; }
    public Location? Location { get; set; }

    public List<LegislativeTerm> LegislativeTerms { get; set; } = [];
    public List<Organization> Organizations { get; set; } = [];
}
