using DreamOmni2.DataFactory.Tasks;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.ShapeWorld.Scenes;
using SkiaSharp;

namespace DreamOmni2.ShapeWorld.Tests.Scenes;

/// <summary>The image reader on pictures that are not one shape-world object on a background: it says so instead of guessing.</summary>
public sealed class SceneReaderTests
{
    private const int Size = ShapeWorldValues.CanvasSize;

    private static readonly SceneSpec Star = new(
        Shape: 3, Color: 0, Pattern: 1, Style: ShapeWorldValues.Filled, Size: 0, Background: 7, Lighting: Lighting.Flat, CenterX: 30, CenterY: 34);

    [Fact]
    public void A_factory_picture_is_read_back_to_its_scene()
    {
        var reading = Assert.IsType<ObjectReading>(SceneReader.Read(SceneRenderer.Render(Star).Rgb));

        Assert.Equal(Star, reading.Scene);
        Assert.Equal(0, reading.Residual);
        Assert.Equal("small red striped star on sand", reading.Describe());
    }

    [Fact]
    public void A_background_without_an_object_is_read_as_empty()
    {
        var blank = BackgroundImages.For(4, Lighting.FromLeft).ToArray();

        var reading = Assert.IsType<EmptyReading>(SceneReader.Read(blank));

        Assert.Equal(new EmptyReading(4, Lighting.FromLeft), reading);
        Assert.Equal("no object, only a sky lit from the left background", reading.Describe());
    }

    public static TheoryData<string, byte[]> Foreign => new()
    {
        { "colour gradients", Decode(GradientPattern.Png(Size, Size, 3)) },
        { "noise", Noise(seed: 1) },
        { "two objects", TwoObjects() },
        { "an object too big for the shape world", Oversized() },
        { "a photo-like blotch on a plain background", Blotch() },
    };

    [Theory]
    [MemberData(nameof(Foreign))]
    public void A_picture_that_is_not_one_shape_world_object_is_unrecognized(string what, byte[] rgb)
    {
        var reading = SceneReader.Read(rgb);

        Assert.True(reading is UnrecognizedReading, $"{what}: read {reading.Describe()} ({reading})");
    }

    [Fact]
    public void Bytes_that_are_no_picture_are_unrecognized()
    {
        Assert.Equal(new UnrecognizedReading("could not be opened as a picture"), SceneReader.ReadEncoded([1, 2, 3]));
    }

    private static byte[] Decode(byte[] png) => ImageDecoder.Decode(png, ImageLimits.Default, 1).Rgb;

    private static byte[] Noise(int seed)
    {
        var rgb = new byte[SceneRenderer.RgbLength];
        new Random(seed).NextBytes(rgb);
        return rgb;
    }

    private static byte[] TwoObjects()
    {
        var first = SceneRenderer.Render(Star with { Size = 1, CenterX = 20, CenterY = 20 });
        var second = SceneRenderer.Render(Star with { Shape = 0, Color = 5, Pattern = 0, Size = 1, CenterX = 44, CenterY = 44 });
        var rgb = first.Rgb.ToArray();
        for (var pixel = 0; pixel < SceneRenderer.PixelCount; pixel++)
        {
            if (second.Mask[pixel] > 0)
            {
                second.Rgb.AsSpan(pixel * 3, 3).CopyTo(rgb.AsSpan(pixel * 3, 3));
            }
        }
        return rgb;
    }

    private static byte[] Oversized() => Draw(canvas =>
    {
        using var paint = new SKPaint { Color = new SKColor(220, 35, 35), IsAntialias = true };
        canvas.DrawCircle(32, 32, 27, paint);
    });

    private static byte[] Blotch() => Draw(canvas =>
    {
        var random = new Random(7);
        for (var i = 0; i < 60; i++)
        {
            using var paint = new SKPaint { Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)), IsAntialias = true };
            canvas.DrawCircle(16 + random.Next(32), 16 + random.Next(32), 2 + random.Next(5), paint);
        }
    });

    /// <summary>A picture drawn with Skia on the flat white background.</summary>
    private static byte[] Draw(Action<SKCanvas> draw)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(248, 248, 248));
            draw(canvas);
        }
        var rgba = bitmap.GetPixelSpan();
        var rgb = new byte[SceneRenderer.RgbLength];
        for (var pixel = 0; pixel < SceneRenderer.PixelCount; pixel++)
        {
            rgba.Slice(pixel * 4, 3).CopyTo(rgb.AsSpan(pixel * 3, 3));
        }
        return rgb;
    }
}
