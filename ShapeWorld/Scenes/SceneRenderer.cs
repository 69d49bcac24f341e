namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>
/// Draws a scene: its background image, then its object's sprite composited at the object's center with the
/// object color modulated by the pattern field. Pure and thread-safe; the same spec always gives the same bytes.
/// </summary>
public static class SceneRenderer
{
    public const int PixelCount = ShapeWorldValues.CanvasSize * ShapeWorldValues.CanvasSize;
    public const int RgbLength = PixelCount * 3;

    /// <summary>How far the pale tint goes toward white, and the dark shade toward black.</summary>
    public const float PaleTint = 0.3f, DarkShade = 0.4f;

    public static RenderedScene Render(SceneSpec spec)
    {
        var rgb = new byte[RgbLength];
        var mask = new byte[PixelCount];
        Render(spec, rgb, mask);
        return new RenderedScene(spec, rgb, mask);
    }

    /// <param name="rgb">Receives the image, <see cref="RgbLength"/> bytes.</param>
    /// <param name="mask">Receives the object's coverage, <see cref="PixelCount"/> bytes.</param>
    public static void Render(SceneSpec spec, Span<byte> rgb, Span<byte> mask)
    {
        const int size = ShapeWorldValues.CanvasSize;
        BackgroundImages.For(spec.Background, spec.Lighting).CopyTo(rgb);
        mask.Clear();

        var sprite = ObjectSprites.For(spec.Shape, spec.Size, spec.Style);
        var field = PatternFields.For(spec.Pattern, spec.Size);
        var color = Palette.ObjectColors[spec.Color];
        var left = spec.CenterX - sprite.Side / 2;
        var top = spec.CenterY - sprite.Side / 2;
        for (var sy = 0; sy < sprite.Side; sy++)
        {
            var y = top + sy;
            if (y is < 0 or >= size)
            {
                continue;
            }
            for (var sx = 0; sx < sprite.Side; sx++)
            {
                var x = left + sx;
                var coverage = sprite.Coverage[sy * sprite.Side + sx];
                if (x is < 0 or >= size || coverage == 0)
                {
                    continue;
                }
                var shade = field[sy * sprite.Side + sx];
                var paint = shade >= 0 ? color.Toward(Rgb.White, shade * PaleTint) : color.Toward(Rgb.Black, -shade * DarkShade);
                var pixel = y * size + x;
                mask[pixel] = coverage;
                Blend(rgb.Slice(pixel * 3, 3), paint, coverage);
            }
        }
    }

    private static void Blend(Span<byte> pixel, Rgb paint, int coverage)
    {
        var keep = 255 - coverage;
        pixel[0] = (byte)((pixel[0] * keep + paint.R * coverage + 127) / 255);
        pixel[1] = (byte)((pixel[1] * keep + paint.G * coverage + 127) / 255);
        pixel[2] = (byte)((pixel[2] * keep + paint.B * coverage + 127) / 255);
    }
}
