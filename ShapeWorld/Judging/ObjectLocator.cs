using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.ShapeWorld.Judging;

/// <summary>
/// Finds where the object is in an image whose background is known: the pixels that differ from the background by
/// more than <see cref="ContrastThreshold"/> in some channel, and their centroid.
/// </summary>
public static class ObjectLocator
{
    /// <summary>Every object color, tint and shade differs from every background by more than this in some channel,
    /// while ±8 gray levels of noise never do.</summary>
    public const int ContrastThreshold = 24;

    /// <summary>The centroid (x, y) of the object's pixels, or null when no pixel stands out.</summary>
    public static (double X, double Y)? Centroid(ReadOnlySpan<byte> rgb, ReadOnlySpan<byte> background)
    {
        const int size = ShapeWorldValues.CanvasSize;
        double sumX = 0, sumY = 0;
        var count = 0;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var offset = (y * size + x) * 3;
                var contrast = Math.Max(Math.Abs(rgb[offset] - background[offset]),
                    Math.Max(Math.Abs(rgb[offset + 1] - background[offset + 1]), Math.Abs(rgb[offset + 2] - background[offset + 2])));
                if (contrast > ContrastThreshold)
                {
                    sumX += x + 0.5;
                    sumY += y + 0.5;
                    count++;
                }
            }
        }
        return count == 0 ? null : (sumX / count, sumY / count);
    }
}
