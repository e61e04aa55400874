namespace OpenRis.Web.OParl;

/// <summary>
/// OParl shows times to the second. The stored documents keep exactly the second they show, so that a
/// filter at a value a client read from the JSON includes that object (bounds are inclusive).
/// </summary>
internal static class OParlTime
{
    public static DateTime Floor(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
