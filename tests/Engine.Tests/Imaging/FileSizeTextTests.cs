using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Tests.Imaging;

public class FileSizeTextTests
{
    [Theory]
    [InlineData(20L * 1024 * 1024, "20 MB")]
    [InlineData(1536L * 1024, "1.5 MB")]
    [InlineData(1000L * 1024, "1000 KB")]
    [InlineData(1024, "1 KB")]
    [InlineData(1000, "1000 bytes")]
    [InlineData(0, "0 bytes")]
    public void Sizes_read_in_the_largest_unit_they_fill(long bytes, string expected) =>
        Assert.Equal(expected, FileSizeText.Of(bytes));
}
