namespace OpenRis.Web.Model;

/// <summary>
/// Statutory public holidays of North Rhine-Westphalia (Feiertagsgesetz NW § 2), for deadlines
/// counted in working days. Easter by the Gregorian computus (Meeus/Jones/Butcher).
/// </summary>
public static class NrwHolidays
{
    public static bool IsHoliday(DateOnly date) => Names(date.Year).ContainsKey(date);

    /// <summary>Monday to Friday and not a public holiday; Saturday is no working day for council deadlines.</summary>
    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    /// <summary>The holiday's German name, or null.</summary>
    public static string? NameOf(DateOnly date) => Names(date.Year).GetValueOrDefault(date);

    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    public static IReadOnlyDictionary<DateOnly, string> Names(int year)
    {
        var easter = EasterSunday(year);
        return new Dictionary<DateOnly, string>
        {
            [new(year, 1, 1)] = "Neujahr",
            [easter.AddDays(-2)] = "Karfreitag",
            [easter.AddDays(1)] = "Ostermontag",
            [new(year, 5, 1)] = "Tag der Arbeit",
            [easter.AddDays(39)] = "Christi Himmelfahrt",
            [easter.AddDays(50)] = "Pfingstmontag",
            [easter.AddDays(60)] = "Fronleichnam",
            [new(year, 10, 3)] = "Tag der Deutschen Einheit",
            [new(year, 11, 1)] = "Allerheiligen",
            [new(year, 12, 25)] = "1. Weihnachtstag",
            [new(year, 12, 26)] = "2. Weihnachtstag",
        };
    }
}
