using System.Text.Json.Nodes;

namespace OpenRis.Web.Import.OParl;

/// <summary>
/// The vendor adapter: behaviour that differs per vendor, chosen like meine-stadt-transparent does
/// (importer/loader.py get_loader_from_system) from System.contactName, vendor or product.
/// Repairs that are safe for everyone (placeholders, [lat, lon], control characters) are applied
/// to all sources; only what would be wrong elsewhere is switched here.
/// </summary>
internal sealed record OParlVendor(string Name)
{
    /// <summary>Somacos fails on a percent-encoded modified_since (%3A, %2B): send it raw.</summary>
    public bool RawModifiedSince { get; init; }

    /// <summary>ALLRIS 4 ignores limit and pages in its own fixed size; asking for one is pointless.</summary>
    public bool SendLimit { get; init; } = true;

    /// <summary>SD.NET answers 404 for an empty list (above all with modified_since): not an error there.</summary>
    public bool EmptyListIs404 { get; init; }

    /// <summary>ALLRIS 4 stamps placeholder created/modified: modified_since cannot be trusted, every run is a full one.</summary>
    public bool TrustModifiedSince { get; init; } = true;

    public static readonly OParlVendor Generic = new("generic");

    public const string OpenRisName = "openris";

    public static OParlVendor For(JsonObject system)
    {
        string Field(string name) => system[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s.ToLowerInvariant() : "";
        var contact = Field("contactName");
        var vendor = Field("vendor");
        var product = Field("product");
        if (vendor == "https://github.com/openris/openris")
        {
            return new OParlVendor(OpenRisName);
        }
        if (contact.Contains("sternberg", StringComparison.Ordinal) || vendor.Contains("sitzungsdienst.net", StringComparison.Ordinal))
        {
            return new OParlVendor("sternberg-sdnet") { EmptyListIs404 = true };
        }
        if (vendor.Contains("somacos", StringComparison.Ordinal) || product.Contains("somacos", StringComparison.Ordinal))
        {
            return new OParlVendor("somacos-sessionnet") { RawModifiedSince = true };
        }
        if (vendor.Contains("cc-egov", StringComparison.Ordinal) || product.Contains("allris", StringComparison.Ordinal))
        {
            var allris4 = product.Contains("allris 4", StringComparison.Ordinal) || product.Contains("allris4", StringComparison.Ordinal)
                || Field("id").Contains("/public/oparl", StringComparison.Ordinal);
            return allris4
                ? new OParlVendor("cc-egov-allris4") { SendLimit = false, TrustModifiedSince = false }
                : new OParlVendor("cc-egov-allris");
        }
        return Generic;
    }
}
