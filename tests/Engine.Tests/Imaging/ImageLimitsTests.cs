using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Tests.Imaging;

public class ImageLimitsTests
{
    [Fact]
    public void Defaults_are_the_products_limits()
    {
        var limits = ImageLimits.Default;

        Assert.Equal((20L * 1024 * 1024, 40_000_000L, 12_000), (limits.MaxFileBytes, limits.MaxPixels, limits.MaxSide));
    }
}
