using OpenRis.Web.Hosting;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Rendering;

/// <summary>German date texts for the portal; stored times are UTC and shown in Berlin time.</summary>
public static class Dates
{
    public static string When(DateTime? utc) =>
        utc is { } u ? Berlin.ToLocal(u).ToString("dddd, dd.MM.yyyy, HH:mm 'Uhr'", RisDefaults.German) : "Termin offen";

    public static string Day(DateTime? utc) => utc is { } u ? Berlin.ToLocal(u).ToString("dd.MM.yyyy", RisDefaults.German) : "";

    public static string Day(DateOnly? date) => date?.ToString("dd.MM.yyyy", RisDefaults.German) ?? "";

    public static string DayAndTime(DateTime? utc) => utc is { } u ? Berlin.ToLocal(u).ToString("dd.MM.yyyy HH:mm", RisDefaults.German) : "";

    public static string Time(DateTime? utc) => utc is { } u ? Berlin.ToLocal(u).ToString("HH:mm", RisDefaults.German) : "";

    /// <summary>"seit 01.06.2014", "01.06.2014 – 31.10.2020" or "" for an open period.</summary>
    public static string Period(DateOnly? start, DateOnly? end) => (start, end) switch
    {
        (null, null) => "",
        (_, null) => $"seit {Day(start)}",
        (null, _) => $"bis {Day(end)}",
        _ => $"{Day(start)} – {Day(end)}",
    };
}
