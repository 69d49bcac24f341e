namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>
/// Draws a scene: its background image, then its object's sprite composited at the object's center with the
/// object's paint (<see cref="ObjectPaints"/>). Pure and thread-safe; the same spec always gives the same bytes.
/// </summary>
public static class SceneRenderer
{
    public const int PixelCount = ShapeWorldValues.CanvasSize * ShapeWorldValues.CanvasSize;
    public const int RgbLength = PixelCount * 3;

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
        var paint = ObjectPaints.For(spec.Color, spec.Pattern, spec.Size);
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
                var pixel = y * size + x;
                mask[pixel] = coverage;
                var painted = (sy * sprite.Side + sx) * 3;
                for (var channel = 0; channel < 3; channel++)
                {
                    rgb[pixel * 3 + channel] = Blend(rgb[pixel * 3 + channel], paint[painted + channel], coverage);
                }
            }
        }
    }

    /// <summary>One channel of paint laid over what is under it with the sprite's coverage (0–255).</summary>
    internal static byte Blend(byte under, byte paint, int coverage) =>
        (byte)((under * (255 - coverage) + paint * coverage + 127) / 255);
}
