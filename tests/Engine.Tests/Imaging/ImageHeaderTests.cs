using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using SkiaSharp;

namespace DreamOmni2.Engine.Tests.Imaging;

public class ImageHeaderTests
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Png, 100)]
    [InlineData(SKEncodedImageFormat.Jpeg, 90)]
    [InlineData(SKEncodedImageFormat.Webp, 100)]
    [InlineData(SKEncodedImageFormat.Webp, 80)]
    public void Reads_the_declared_size_of_each_accepted_format(SKEncodedImageFormat format, int quality)
    {
        var encoded = TestImages.Encode(37, 21, TestImages.Noise, format, quality);

        Assert.True(ImageHeader.IsSupported(encoded));
        Assert.Equal(new ImageSize(37, 21), ImageHeader.DeclaredSize(encoded));
    }

    [Fact]
    public void Reads_the_size_of_a_bare_png_header()
    {
        Assert.Equal(new ImageSize(100_000, 70_000), ImageHeader.DeclaredSize(TestImages.PngHeader(100_000, 70_000)));
    }

    [Fact]
    public void Reads_a_jpeg_size_after_an_exif_segment()
    {
        var jpeg = TestImages.WithExifOrientation(TestImages.Encode(9, 4, TestImages.Noise, SKEncodedImageFormat.Jpeg), 6);

        Assert.Equal(new ImageSize(9, 4), ImageHeader.DeclaredSize(jpeg));
    }

    [Fact]
    public void Other_bytes_have_no_declared_size()
    {
        Assert.False(ImageHeader.IsSupported(TestImages.Gif));
        Assert.Null(ImageHeader.DeclaredSize(TestImages.Gif));
        Assert.Null(ImageHeader.DeclaredSize(TestImages.PngHeader(5, 5)[..20]));
        Assert.Null(ImageHeader.DeclaredSize([0xFF, 0xD8, 0xFF, 0xE0]));
    }
}
