namespace OpenRis.Web.Model;

/// <summary>Council time is German local time; the database keeps UTC.</summary>
public static class Berlin
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTimeOffset ToOffset(DateTime utc)
    {
        var local = ToLocal(utc);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
