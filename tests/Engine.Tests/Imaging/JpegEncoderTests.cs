using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Tests.Imaging;

public class JpegEncoderTests
{
    [Fact]
    public void Encodes_a_jpeg_that_decodes_to_nearly_the_same_colour()
    {
        var rgb = Enumerable.Range(0, 8 * 8).SelectMany(_ => new byte[] { 30, 160, 220 }).ToArray();

        var jpeg = JpegEncoder.Encode(rgb, 8, 8, quality: 90);

        Assert.Equal([0xFF, 0xD8, 0xFF], jpeg[..3]);
        var decoded = ImageDecoder.Decode(jpeg, ImageLimits.Default, 1);
        Assert.Equal(new ImageSize(8, 8), decoded.Size);
        Assert.InRange(decoded.Rgb[0], 25, 35);
        Assert.InRange(decoded.Rgb[1], 155, 165);
        Assert.InRange(decoded.Rgb[2], 215, 225);
    }

    [Fact]
    public void Lower_quality_gives_a_smaller_file()
    {
        var rgb = Enumerable.Range(0, 64 * 64 * 3).Select(i => (byte)(i * 7919 % 251)).ToArray();

        Assert.True(JpegEncoder.Encode(rgb, 64, 64, 30).Length < JpegEncoder.Encode(rgb, 64, 64, 95).Length);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Quality_outside_0_to_100_is_refused(int quality)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JpegEncoder.Encode(new byte[3], 1, 1, quality));
    }
}
