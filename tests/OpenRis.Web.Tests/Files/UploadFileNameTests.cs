using OpenRis.Web.Files;

namespace OpenRis.Web.Tests.Files;

public sealed class UploadFileNameTests
{
    [Theory]
    [InlineData("Gutachten „Bäder“ 2018.pdf", "Gutachten „Bäder“ 2018.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\system32\\plan.pdf", "plan.pdf")]
    [InlineData("C:\\Users\\Schmidt\\Desktop\\antrag.pdf", "antrag.pdf")]
    [InlineData("/absolut/.versteckt.md", "versteckt.md")]
    [InlineData("..", "ohne Namen")]
    [InlineData("", "ohne Namen")]
    [InlineData(null, "ohne Namen")]
    [InlineData("gpj\u202Eplan.exe", "gpjplan.exe")]
    [InlineData("zeile\r\nzwei\u0000.pdf", "zeilezwei.pdf")]
    [InlineData("kaputt\uFFFD.txt", "kaputt.txt")]
    [InlineData("  leer  .pdf  ", "leer  .pdf")]
    public void Clean_KeepsTheLastSegment_WithoutControlOrDirectionCharacters(string? sent, string expected) =>
        Assert.Equal(expected, UploadFileName.Clean(sent, "ohne Namen"));

    [Fact]
    public void Clean_CutsALongName_AndKeepsItsExtension()
    {
        var name = UploadFileName.Clean(new string('x', 10_000) + ".pdf", "ohne Namen");
        Assert.Equal(UploadFileName.MaxLength, name.Length);
        Assert.EndsWith("xx.pdf", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_NeverCutsASurrogatePairInHalf()
    {
        var name = UploadFileName.Clean(new string('x', UploadFileName.MaxLength - 5) + "😀😀😀😀.pdf", "ohne Namen");
        Assert.True(name.Length <= UploadFileName.MaxLength);
        Assert.False(char.IsHighSurrogate(name[^5]));
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }
}
