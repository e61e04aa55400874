using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Model;

public sealed class NrwHolidaysTests
{
    [Theory]
    [InlineData(2018, "2018-04-01")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void EasterSunday_KnownDates(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), NrwHolidays.EasterSunday(year));

    [Theory]
    [InlineData("2018-01-01", "Neujahr")]
    [InlineData("2018-03-30", "Karfreitag")]
    [InlineData("2018-04-02", "Ostermontag")]
    [InlineData("2018-05-01", "Tag der Arbeit")]
    [InlineData("2018-05-10", "Christi Himmelfahrt")]
    [InlineData("2018-05-21", "Pfingstmontag")]
    [InlineData("2018-05-31", "Fronleichnam")]
    [InlineData("2019-06-20", "Fronleichnam")]
    [InlineData("2018-10-03", "Tag der Deutschen Einheit")]
    [InlineData("2018-11-01", "Allerheiligen")]
    [InlineData("2018-12-25", "1. Weihnachtstag")]
    [InlineData("2018-12-26", "2. Weihnachtstag")]
    [InlineData("2024-05-30", "Fronleichnam")]
    public void IsHoliday_StatutoryNrwHolidays(string date, string name)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(NrwHolidays.IsHoliday(day));
        Assert.False(NrwHolidays.IsWorkingDay(day));
        Assert.Equal(name, NrwHolidays.NameOf(day));
    }

    [Theory]
    // Not statutory in NRW: Heilige Drei Könige, Reformationstag, Buß- und Bettag, Heiligabend, Silvester, Rosenmontag.
    [InlineData("2018-01-06")]
    [InlineData("2018-10-31")]
    [InlineData("2018-11-21")]
    [InlineData("2018-12-24")]
    [InlineData("2018-12-31")]
    [InlineData("2018-02-12")]
    public void IsHoliday_OtherDays_False(string date) =>
        Assert.False(NrwHolidays.IsHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2018-09-14", true)] // Friday
    [InlineData("2018-09-15", false)] // Saturday
    [InlineData("2018-09-16", false)] // Sunday
    [InlineData("2018-10-03", false)] // Wednesday, holiday
    [InlineData("2018-12-24", true)] // Monday, Heiligabend is a working day
    public void IsWorkingDay_WeekdaysWithoutHolidays(string date, bool expected) =>
        Assert.Equal(expected, NrwHolidays.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Names_EveryYearHasElevenHolidays()
    {
        foreach (var year in Enumerable.Range(1990, 100))
        {
            // 2008: Christi Himmelfahrt fell on 1 May, so one date carries two holidays.
            Assert.Equal(year == 2008 ? 10 : 11, NrwHolidays.Names(year).Count);
        }
    }
}
