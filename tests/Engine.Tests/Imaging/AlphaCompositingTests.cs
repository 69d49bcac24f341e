using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Tests.Imaging;

public class AlphaCompositingTests
{
    [Fact]
    public void Premultiplied_pixels_are_laid_over_white()
    {
        byte[] premultiplied =
        [
            0, 0, 0, 0,         // fully transparent
            128, 0, 0, 128,     // red at half opacity
            10, 20, 30, 255,    // opaque
        ];

        var rgb = AlphaCompositing.OnWhite(premultiplied, 3, 1);

        Assert.Equal(new byte[] { 255, 255, 255, 255, 127, 127, 10, 20, 30 }, rgb);
    }
}
