namespace OpenRis.Web.OParl;

/// <summary>Settings under "OParl".</summary>
public sealed class OParlOptions
{
    public const string Section = "OParl";

    /// <summary>
    /// The one canonical scheme and host of every OParl id (OParl 1.1 §2.3), e.g. https://ris.hagen.de.
    /// Requests to /oparl under another host are redirected there.
    /// </summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    public int DefaultLimit { get; set; } = 100;

    public const int MaxLimit = 1000;

    public string License { get; set; } = "https://creativecommons.org/licenses/by/4.0/";
}
