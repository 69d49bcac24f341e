using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Tests.Imaging;

/// <summary>The output size of docs/kontext-pipeline.md §2.</summary>
public class OutputSizeTests
{
    private const long MegapixelArea = 1024 * 1024;

    [Theory]
    [InlineData(672, 1568, 656, 1552)]    // docs/kontext-pipeline.md §2
    [InlineData(1024, 1024, 1024, 1024)]
    [InlineData(1568, 672, 1552, 656)]
    [InlineData(1920, 1080, 1360, 768)]
    public void Keeps_the_aspect_ratio_at_the_maximum_area(int width, int height, int expectedWidth, int expectedHeight)
    {
        Assert.Equal(new ImageSize(expectedWidth, expectedHeight), OutputSize.For(width, height, MegapixelArea));
    }

    [Fact]
    public void A_tiny_pack_area_gives_its_own_square()
    {
        Assert.Equal(new ImageSize(64, 64), OutputSize.For(640, 640, 64 * 64));
    }

    [Fact]
    public void The_multiple_is_a_parameter()
    {
        // sqrt(4096·2) = 90.5 → 90 → 88 at multiple 8 (80 at 16); sqrt(4096/2) = 45.25 → 45 → 40 (32 at 16).
        Assert.Equal(new ImageSize(88, 40), OutputSize.For(200, 100, 64 * 64, multiple: 8));
        Assert.Equal(new ImageSize(80, 32), OutputSize.For(200, 100, 64 * 64));
    }

    [Fact]
    public void An_extreme_ratio_keeps_at_least_one_multiple_a_side()
    {
        // sqrt(A/10000) = 10.24 → 10 floors to 0 by the formula.
        Assert.Equal(new ImageSize(102400, 16), OutputSize.For(10000, 1, 1024 * 1024));
    }
}
