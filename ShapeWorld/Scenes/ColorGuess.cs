namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>
/// A first guess at an object's color from the pixels where its paint shows unmixed: every paint of a color lies on
/// the line from its pale tint through the color to its dark shade, whatever the pattern, so the color whose line
/// passes nearest those pixels is the likely one. <see cref="ObjectFit"/> then confirms it by redrawing.
/// </summary>
internal static class ColorGuess
{
    /// <summary>A pixel's squared distance counts up to this much (gray levels²), so a few odd pixels cannot decide.</summary>
    private const float DistanceCap = 40 * 40;

    public static int From(ReadOnlySpan<byte> rgb, IReadOnlyList<int> pixels)
    {
        var best = (Color: 0, Error: float.MaxValue);
        for (var color = 0; color < Palette.ObjectColors.Count; color++)
        {
            var pure = Palette.ObjectColors[color];
            var tint = pure.Toward(Rgb.White, ObjectPaints.PaleTint);
            var shade = pure.Toward(Rgb.Black, ObjectPaints.DarkShade);
            var error = 0f;
            foreach (var pixel in pixels)
            {
                var offset = pixel * 3;
                var (r, g, b) = (rgb[offset], rgb[offset + 1], rgb[offset + 2]);
                error += Math.Min(DistanceCap, Math.Min(SegmentDistance(r, g, b, tint, pure), SegmentDistance(r, g, b, pure, shade)));
            }
            if (error < best.Error)
            {
                best = (color, error);
            }
        }
        return best.Color;
    }

    /// <summary>The squared distance from (r, g, b) to the segment between two colors.</summary>
    private static float SegmentDistance(float r, float g, float b, Rgb from, Rgb to)
    {
        float dr = to.R - from.R, dg = to.G - from.G, db = to.B - from.B;
        float pr = r - from.R, pg = g - from.G, pb = b - from.B;
        var length = dr * dr + dg * dg + db * db;
        var t = length == 0 ? 0 : Math.Clamp((pr * dr + pg * dg + pb * db) / length, 0, 1);
        float er = pr - t * dr, eg = pg - t * dg, eb = pb - t * db;
        return er * er + eg * eg + eb * eb;
    }
}
