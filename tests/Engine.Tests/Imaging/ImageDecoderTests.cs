using System.Buffers.Binary;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using SkiaSharp;

namespace DreamOmni2.Engine.Tests.Imaging;

public class ImageDecoderTests
{
    private static readonly ImageLimits s_limits = ImageLimits.Default;

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void Lossless_files_decode_to_their_exact_pixels(SKEncodedImageFormat format)
    {
        var encoded = TestImages.Encode(5, 3, TestImages.Noise, format);

        var image = ImageDecoder.Decode(encoded, s_limits, 1);

        Assert.Equal(new ImageSize(5, 3), image.Size);
        for (int y = 0; y < 3; y++)
        {
            for (int x = 0; x < 5; x++)
            {
                var expected = TestImages.Noise(x, y);
                int i = 3 * (y * 5 + x);
                Assert.Equal((expected.Red, expected.Green, expected.Blue), (image.Rgb[i], image.Rgb[i + 1], image.Rgb[i + 2]));
            }
        }
    }

    [Fact]
    public void Jpeg_decodes_close_to_its_pixels()
    {
        var encoded = TestImages.Encode(16, 16, (_, _) => new SKColor(200, 40, 90), SKEncodedImageFormat.Jpeg, 95);

        var image = ImageDecoder.Decode(encoded, s_limits, 1);

        Assert.Equal(new ImageSize(16, 16), image.Size);
        Assert.InRange(image.Rgb[0], 195, 205);
        Assert.InRange(image.Rgb[1], 35, 45);
        Assert.InRange(image.Rgb[2], 85, 95);
    }

    [Fact]
    public void Transparency_is_composited_on_white()
    {
        SKColor[] pixels = [new(0, 0, 0, 0), new(255, 0, 0, 128), new(0, 0, 255, 255)];
        var encoded = TestImages.Encode(3, 1, (x, _) => pixels[x], SKEncodedImageFormat.Png);

        var rgb = ImageDecoder.Decode(encoded, s_limits, 1).Rgb;

        Assert.Equal([255, 255, 255], rgb[0..3]);
        Assert.Equal(255, rgb[3]);
        Assert.InRange(rgb[4], 126, 128);
        Assert.InRange(rgb[5], 126, 128);
        Assert.Equal([0, 0, 255], rgb[6..9]);
    }

    [Fact]
    public void Exif_orientation_6_is_turned_upright()
    {
        // Stored 32×16: left half red, right half blue. Orientation 6 displays it turned 90° clockwise,
        // so upright it is 16×32 with the stored left (red) on top.
        var jpeg = TestImages.Encode(32, 16, (x, _) => x < 16 ? SKColors.Red : SKColors.Blue, SKEncodedImageFormat.Jpeg, 95);

        var image = ImageDecoder.Decode(TestImages.WithExifOrientation(jpeg, 6), s_limits, 1);

        Assert.Equal(new ImageSize(16, 32), image.Size);
        Assert.True(image.Rgb[3 * (4 * 16 + 8)] > 200, "top is red");
        Assert.True(image.Rgb[3 * (28 * 16 + 8) + 2] > 200, "bottom is blue");
    }

    [Fact]
    public void Zero_bytes_are_refused_as_empty()
    {
        var error = Assert.Throws<ImageInputException>(() => ImageDecoder.Decode([], s_limits, 3));

        Assert.Equal(ImageInputError.Empty, error.Kind);
        Assert.Equal(3, error.ImageNumber);
        Assert.Equal("image 3 is empty (0 bytes) — choose the file again", error.Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_reading_it()
    {
        var error = Assert.Throws<ImageInputException>(() => ImageDecoder.Decode(new byte[31 * 1024 * 1024], s_limits, 2));

        Assert.Equal(ImageInputError.TooLarge, error.Kind);
        Assert.Equal("image 2 is 31 MB; the limit is 20 MB — export it smaller", error.Message);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, 0.5)]
    [InlineData(SKEncodedImageFormat.Jpeg, 0.5)]
    [InlineData(SKEncodedImageFormat.Webp, 0.5)]
    [InlineData(SKEncodedImageFormat.Png, 0.02)]
    public void A_cut_short_file_is_refused_as_truncated(SKEncodedImageFormat format, double keep)
    {
        var encoded = TestImages.Encode(64, 64, TestImages.Noise, format, 90);

        var error = Assert.Throws<ImageInputException>(() => ImageDecoder.Decode(encoded[..(int)(encoded.Length * keep)], s_limits, 1));

        Assert.Equal(ImageInputError.Truncated, error.Kind);
        Assert.StartsWith("image 1 is cut short or damaged", error.Message);
    }

    [Fact]
    public void A_png_whose_header_fails_its_checksum_is_called_damaged()
    {
        var png = TestImages.Encode(64, 64, TestImages.Noise, SKEncodedImageFormat.Png);
        png[29] ^= 0xFF;

        var error = Assert.Throws<ImageInputException>(() => ImageDecoder.Decode(png, s_limits, 2));

        Assert.Equal(ImageInputError.Damaged, error.Kind);
        Assert.Equal("image 2 is damaged: its header fails its checksum — save or download it again", error.Message);
    }

    [Fact]
    public void A_png_declaring_no_pixels_says_so()
    {
        var png = TestImages.Encode(64, 64, TestImages.Noise, SKEncodedImageFormat.Png);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 0);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 0);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32.Compute(png.AsSpan(12, 17)));

        var error = Assert.Throws<ImageInputException>(() => ImageDecoder.Decode(png, s_limits, 1));

        Assert.Equal(ImageInputError.NoPixels, error.Kind);
        Assert.StartsWith("image 1 declares a width or height of 0", error.Message);
    }

    [Fact]
    public void Random_bytes_are_not_an_image()
    {
        var bytes = new byte[4096];
        new Random(5).NextBytes(bytes);

        var error = Assert.Throws<ImageInputException>(() => ImageDecoder.Decode(bytes, s_limits, 4));

        Assert.Equal(ImageInputError.NotAnImage, error.Kind);
        Assert.Equal("image 4 is not a PNG, JPEG or WebP file", error.Message);
    }

    [Fact]
    public void A_gif_is_an_unsupported_format()
    {
        var error = Assert.Throws<ImageInputException>(() => ImageDecoder.Decode(TestImages.Gif, s_limits, 1));

        Assert.Equal(ImageInputError.UnsupportedFormat, error.Kind);
        Assert.Equal("image 1 is a GIF file; use PNG, JPEG or WebP", error.Message);
    }

    [Fact]
    public void A_header_declaring_100000_by_100000_is_refused_before_decoding()
    {
        var error = Assert.Throws<ImageInputException>(() => ImageDecoder.Decode(TestImages.PngHeader(100_000, 100_000), s_limits, 2));

        Assert.Equal(ImageInputError.TooManyPixels, error.Kind);
        Assert.Equal("image 2 is 100000×100000 (10000 MP); the limit is 40 MP and 12000 px a side — scale it down", error.Message);
    }

    [Fact]
    public void A_side_over_the_limit_is_refused_even_when_the_area_is_small()
    {
        var encoded = TestImages.Encode(40, 2, TestImages.Noise, SKEncodedImageFormat.Png);

        var error = Assert.Throws<ImageInputException>(() => ImageDecoder.Decode(encoded, s_limits with { MaxSide = 32 }, 1));

        Assert.Equal(ImageInputError.TooManyPixels, error.Kind);
    }
}
