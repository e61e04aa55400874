namespace OpenRis.Web.Model;

/// <summary>OParl Location: an address, a room, or a place a paper is about.</summary>
public sealed class Location : BodyObject
{
    public string? Description { get; set; }

    /// <summary>A complete GeoJSON Feature as JSON text, coordinates in RFC 7946 order [lon, lat].</summary>
    public string? GeoJson { get; set; }

    public string? StreetAddress { get; set; }
    public string? Room { get; set; }
    public string? PostalCode { get; set; }
    public string? SubLocality { get; set; }
    public string? Locality { get; set; }

    public List<Paper> Papers { get; set; } = [];
}
