using DreamOmni2.ShapeWorld.Judging;
using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.ShapeWorld.Tests.Scenes;

public sealed class PaletteTests
{
    /// <summary>Every paint an object can show: its color moved toward the pale tint or the dark shade.</summary>
    private static IEnumerable<Rgb> EveryPaint() =>
        from color in Palette.ObjectColors
        from step in Enumerable.Range(-20, 41)
        let shade = step / 20f
        select shade >= 0 ? color.Toward(Rgb.White, shade * ObjectPaints.PaleTint) : color.Toward(Rgb.Black, -shade * ObjectPaints.DarkShade);

    private static IEnumerable<Rgb> BackgroundPixels() =>
        from background in Enumerable.Range(0, Palette.Backgrounds.Count)
        from lighting in Enum.GetValues<Lighting>()
        let image = BackgroundImages.For(background, lighting).ToArray()
        from pixel in Enumerable.Range(0, SceneRenderer.PixelCount)
        select new Rgb(image[pixel * 3], image[pixel * 3 + 1], image[pixel * 3 + 2]);

    [Fact]
    public void Every_object_paint_stands_out_from_every_background_pixel_beyond_noise()
    {
        var backgrounds = BackgroundPixels().Distinct().ToArray();
        var least = EveryPaint().Distinct().Min(paint => backgrounds.Min(pixel => Contrast(paint, pixel)));

        Assert.True(least > ObjectLocator.ContrastThreshold + 8, $"least contrast {least}");
    }

    [Fact]
    public void Object_colors_differ_clearly_from_each_other()
    {
        var colors = Palette.ObjectColors;
        for (var a = 0; a < colors.Count; a++)
        {
            for (var b = a + 1; b < colors.Count; b++)
            {
                Assert.True(Contrast(colors[a], colors[b]) >= 40, $"colors {a} and {b}");
            }
        }
    }

    [Fact]
    public void Backgrounds_differ_clearly_from_each_other()
    {
        var backgrounds = Palette.Backgrounds;
        for (var a = 0; a < backgrounds.Count; a++)
        {
            for (var b = a + 1; b < backgrounds.Count; b++)
            {
                Assert.True(Contrast(backgrounds[a], backgrounds[b]) >= 20, $"backgrounds {a} and {b}");
            }
        }
    }

    private static int Contrast(Rgb first, Rgb second) =>
        Math.Max(Math.Abs(first.R - second.R), Math.Max(Math.Abs(first.G - second.G), Math.Abs(first.B - second.B)));
}
