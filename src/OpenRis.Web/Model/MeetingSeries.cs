namespace OpenRis.Web.Model;

/// <summary>
/// A regular series of meetings of one body, e.g. "every 2nd Thursday of the month at 15:00".
/// Dates that fall on an NRW public holiday are skipped (and reported), not moved: the council
/// office decides on a replacement date itself.
/// </summary>
public sealed record MeetingSeries(DayOfWeek Weekday, int WeekOfMonth, TimeOnly Time)
{
    /// <summary>Dates from <paramref name="from"/> to <paramref name="to"/> (inclusive), and the holidays skipped.</summary>
    public (List<DateOnly> Dates, List<DateOnly> Skipped) Dates(DateOnly from, DateOnly to)
    {
        if (WeekOfMonth is < 1 or > 5)
        {
            throw new MeetingException("Die Woche im Monat muss zwischen 1 und 5 liegen.");
        }
        if (to < from)
        {
            throw new MeetingException("Das Ende der Serie liegt vor ihrem Beginn.");
        }
        if (to.DayNumber - from.DayNumber > 3 * 366)
        {
            throw new MeetingException("Eine Serie kann höchstens drei Jahre umfassen.");
        }
        var dates = new List<DateOnly>();
        var skipped = new List<DateOnly>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var first = month.AddDays(((int)Weekday - (int)month.DayOfWeek + 7) % 7);
            var day = first.AddDays(7 * (WeekOfMonth - 1));
            if (day.Month != month.Month || day < from || day > to)
            {
                continue;
            }
            (NrwHolidays.IsHoliday(day) ? skipped : dates).Add(day);
        }
        return (dates, skipped);
    }
}
