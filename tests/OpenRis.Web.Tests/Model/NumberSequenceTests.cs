using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Model;

public sealed class NumberSequenceTests
{
    [Theory]
    [InlineData("{number:0000}/{year}", 930, 2018, "0930/2018")]
    [InlineData("{number:0000}/{year}", 12345, 2018, "12345/2018")]
    [InlineData("AN/{number}/{year}", 1573, 2010, "AN/1573/2010")]
    [InlineData("DS {year}-{number:000}", 7, 2024, "DS 2024-007")]
    public void Format_FollowsThePattern(string pattern, int number, int year, string expected) =>
        Assert.Equal(expected, new NumberSequence { Pattern = pattern }.Format(number, year));

    [Fact]
    public void PeriodOf_YearlyOrRunning() =>
        Assert.Equal((2018, 0), (new NumberSequence { ResetsYearly = true }.PeriodOf(2018), new NumberSequence { ResetsYearly = false }.PeriodOf(2018)));
}
