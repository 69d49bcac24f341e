using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Tests.Imaging;

public class PngEncoderTests
{
    [Fact]
    public void Encodes_opaque_rgb_losslessly()
    {
        byte[] rgb = [255, 0, 0, 0, 255, 0, 0, 0, 255, 12, 34, 56, 78, 90, 123, 200, 100, 50];

        var png = PngEncoder.Encode(rgb, 3, 2);

        var decoded = ImageDecoder.Decode(png, ImageLimits.Default, 1);
        Assert.Equal(new ImageSize(3, 2), decoded.Size);
        Assert.Equal(rgb, decoded.Rgb);
    }

    [Fact]
    public void Parameters_are_embedded_when_given()
    {
        Assert.Equal("""{"steps":30}""", PngParameters.Read(PngEncoder.Encode(new byte[3], 1, 1, """{"steps":30}""")));
        Assert.Null(PngParameters.Read(PngEncoder.Encode(new byte[3], 1, 1)));
    }

    [Fact]
    public void A_wrong_pixel_count_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode(new byte[5], 1, 2));
    }
}
