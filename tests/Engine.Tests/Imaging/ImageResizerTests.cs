using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Tests.Imaging;

public class ImageResizerTests
{
    /// <summary>9×6 pixels of (x·37 + y·91 + c·53)·7 mod 256.</summary>
    private static DecodedImage Pattern()
    {
        var rgb = new byte[9 * 6 * 3];
        for (int y = 0; y < 6; y++)
        for (int x = 0; x < 9; x++)
        for (int c = 0; c < 3; c++)
        {
            rgb[3 * (y * 9 + x) + c] = (byte)((x * 37 + y * 91 + c * 53) * 7 % 256);
        }
        return new DecodedImage(9, 6, rgb);
    }

    /// <summary>Pillow 9.4 <c>Image.resize((4, 3), Image.LANCZOS)</c> of <see cref="Pattern"/>.</summary>
    private static readonly byte[] s_pillowDown =
    [
        76, 167, 177, 54, 179, 183, 68, 141, 191, 74, 73, 197,
        189, 173, 161, 93, 179, 167, 71, 178, 175, 79, 114, 181,
        173, 178, 144, 163, 183, 150, 75, 196, 158, 84, 192, 164,
    ];

    /// <summary>Pillow 9.4 <c>Image.resize((10, 4), Image.LANCZOS)</c> of <see cref="Pattern"/>: wider, shorter.</summary>
    private static readonly byte[] s_pillowMixed =
    [
        36, 165, 179, 37, 167, 181, 55, 170, 184, 62, 173, 187, 62, 173, 190, 63, 179, 192, 66, 146, 195, 69, 74, 198, 72, 81, 201, 74, 88, 203,
        199, 178, 157, 205, 180, 159, 79, 183, 162, 46, 186, 165, 67, 186, 168, 76, 191, 170, 78, 160, 173, 82, 93, 176, 85, 95, 179, 87, 70, 181,
        181, 165, 160, 184, 167, 162, 161, 170, 165, 162, 173, 168, 107, 177, 171, 63, 178, 173, 70, 186, 176, 69, 209, 179, 72, 187, 182, 74, 50, 184,
        164, 178, 138, 166, 180, 140, 172, 183, 143, 181, 186, 146, 122, 189, 149, 76, 191, 151, 83, 193, 154, 82, 193, 157, 85, 199, 160, 87, 217, 162,
    ];

    [Fact]
    public void Downscaling_matches_pillow_lanczos_exactly()
    {
        var resized = ImageResizer.Resize(Pattern(), 4, 3);

        Assert.Equal(new ImageSize(4, 3), resized.Size);
        Assert.Equal(s_pillowDown, resized.Rgb);
    }

    [Fact]
    public void Mixed_up_and_down_scaling_matches_pillow_lanczos_exactly()
    {
        var resized = ImageResizer.Resize(Pattern(), 10, 4);

        Assert.Equal(s_pillowMixed, resized.Rgb);
    }

    [Fact]
    public void A_flat_colour_stays_flat()
    {
        var flat = new DecodedImage(50, 30, Enumerable.Repeat((byte)77, 50 * 30 * 3).ToArray());

        var resized = ImageResizer.Resize(flat, 17, 64);

        Assert.All(resized.Rgb, v => Assert.Equal(77, v));
    }

    [Fact]
    public void The_same_size_gives_an_equal_copy()
    {
        var image = Pattern();

        var resized = ImageResizer.Resize(image, 9, 6);

        Assert.NotSame(image.Rgb, resized.Rgb);
        Assert.Equal(image.Rgb, resized.Rgb);
    }
}
