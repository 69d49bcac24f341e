namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>
/// Finds which (background, lighting) an image is drawn on from its frame: objects keep at least 4 px from the edge,
/// so the outer <see cref="FrameWidth"/> pixels show the background alone, and every background differs from every
/// other, lit or not, somewhere along the frame.
/// </summary>
internal static class BackgroundFit
{
    public const int FrameWidth = 3;

    /// <summary>A channel's difference counts up to this much, so a stray object pixel on the frame cannot outweigh the rest.</summary>
    private const int DifferenceCap = 64;

    /// <returns>The best background and lighting, and the mean absolute difference per channel (gray levels) of the
    /// frame from it.</returns>
    public static (int Background, Lighting Lighting, double FrameError) Find(ReadOnlySpan<byte> rgb)
    {
        var best = (Background: 0, Lighting: Lighting.Flat, Error: long.MaxValue);
        for (var background = 0; background < Palette.Backgrounds.Count; background++)
        {
            foreach (var lighting in Enum.GetValues<Lighting>())
            {
                var error = FrameDifference(rgb, BackgroundImages.For(background, lighting), best.Error);
                if (error < best.Error)
                {
                    best = (background, lighting, error);
                }
            }
        }
        return (best.Background, best.Lighting, best.Error / (3.0 * FramePixels));
    }

    private const int FramePixels = ShapeWorldValues.CanvasSize * ShapeWorldValues.CanvasSize
        - (ShapeWorldValues.CanvasSize - 2 * FrameWidth) * (ShapeWorldValues.CanvasSize - 2 * FrameWidth);

    /// <summary>The capped absolute difference summed over the frame; stops early once past <paramref name="bound"/>.</summary>
    private static long FrameDifference(ReadOnlySpan<byte> rgb, ReadOnlySpan<byte> background, long bound)
    {
        const int size = ShapeWorldValues.CanvasSize;
        long sum = 0;
        for (var y = 0; y < size && sum < bound; y++)
        {
            var inFrameRow = y < FrameWidth || y >= size - FrameWidth;
            for (var x = 0; x < size; x++)
            {
                if (!inFrameRow && x == FrameWidth)
                {
                    x = size - FrameWidth;
                }
                var offset = (y * size + x) * 3;
                for (var channel = 0; channel < 3; channel++)
                {
                    sum += Math.Min(DifferenceCap, Math.Abs(rgb[offset + channel] - background[offset + channel]));
                }
            }
        }
        return sum;
    }
}
