namespace OpenRis.Web.Model;

/// <summary>OParl System: the entry point of the open-data API. One row per installation.</summary>
public sealed class OParlSystem : OParlObject
{
    public string Name { get; set; } = "";
    public string? ContactEmail { get; set; }
    public string? ContactName { get; set; }
    public string? Website { get; set; }

    /// <summary>Our own vendor and product URLs, so that no client applies another vendor's workarounds to us.</summary>
    public string Vendor { get; set; } = "https://github.com/openris/openris";
    public string Product { get; set; } = "https://github.com/openris/openris";

    public List<string> OtherOparlVersions { get; set; } = [];
}
