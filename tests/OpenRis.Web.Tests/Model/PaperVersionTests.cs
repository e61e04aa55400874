using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Model;

public sealed class PaperVersionTests
{
    private static readonly DateTime Released = new(2018, 9, 20, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void IsPublic_FiledPaper_AllVersions() =>
        Assert.True(new PaperVersion { At = Released.AddDays(-30) }.IsPublic(isStatement: false, publishedAt: null));

    [Fact]
    public void IsPublic_StatementDraftBeforeRelease_False() =>
        Assert.False(new PaperVersion { At = Released.AddMinutes(-1) }.IsPublic(isStatement: true, publishedAt: Released));

    [Fact]
    public void IsPublic_StatementAtOrAfterRelease_True()
    {
        Assert.True(new PaperVersion { At = Released }.IsPublic(isStatement: true, publishedAt: Released));
        Assert.True(new PaperVersion { At = Released.AddDays(3) }.IsPublic(isStatement: true, publishedAt: Released));
    }

    [Fact]
    public void IsPublic_StatementNeverReleased_False() =>
        Assert.False(new PaperVersion { At = Released }.IsPublic(isStatement: true, publishedAt: null));
}
