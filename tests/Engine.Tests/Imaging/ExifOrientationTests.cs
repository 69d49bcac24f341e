using DreamOmni2.Engine.Imaging;
using SkiaSharp;

namespace DreamOmni2.Engine.Tests.Imaging;

public class ExifOrientationTests
{
    /// <summary>Stored 3×2, pixel values 1..6 row-major (each pixel's R = G = B = its number).</summary>
    private static byte[] Stored() => [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6];

    // Stored:  1 2 3
    //          4 5 6
    [Theory]
    [InlineData(SKEncodedOrigin.TopLeft, 3, new byte[] { 1, 2, 3, 4, 5, 6 })]
    [InlineData(SKEncodedOrigin.TopRight, 3, new byte[] { 3, 2, 1, 6, 5, 4 })]
    [InlineData(SKEncodedOrigin.BottomRight, 3, new byte[] { 6, 5, 4, 3, 2, 1 })]
    [InlineData(SKEncodedOrigin.BottomLeft, 3, new byte[] { 4, 5, 6, 1, 2, 3 })]
    [InlineData(SKEncodedOrigin.LeftTop, 2, new byte[] { 1, 4, 2, 5, 3, 6 })]
    [InlineData(SKEncodedOrigin.RightTop, 2, new byte[] { 4, 1, 5, 2, 6, 3 })]
    [InlineData(SKEncodedOrigin.RightBottom, 2, new byte[] { 6, 3, 5, 2, 4, 1 })]
    [InlineData(SKEncodedOrigin.LeftBottom, 2, new byte[] { 3, 6, 2, 5, 1, 4 })]
    public void Each_orientation_is_turned_upright(SKEncodedOrigin origin, int uprightWidth, byte[] uprightPixels)
    {
        var upright = ExifOrientation.Apply(Stored(), 3, 2, origin);

        Assert.Equal(uprightWidth, upright.Width);
        Assert.Equal(6 / uprightWidth, upright.Height);
        Assert.Equal(uprightPixels, upright.Rgb.Where((_, i) => i % 3 == 0).ToArray());
    }
}
