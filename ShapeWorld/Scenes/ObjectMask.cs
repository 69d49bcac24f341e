using DreamOmni2.ShapeWorld.Judging;

namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>
/// The pixels of an image that stand out from its background (by more than <see cref="ObjectLocator.ContrastThreshold"/>
/// in some channel), their bounding box, and the interior ones, whose four neighbours stand out too: there the object's
/// paint shows unmixed with the background.
/// </summary>
internal sealed class ObjectMask
{
    private const int Size = ShapeWorldValues.CanvasSize;

    private ObjectMask(bool[] standsOut, int count, (int Left, int Top, int Right, int Bottom) box, int[] interior)
    {
        StandsOut = standsOut;
        Count = count;
        Box = box;
        Interior = interior;
    }

    public bool[] StandsOut { get; }

    public int Count { get; }

    /// <summary>Inclusive pixel bounds of the pixels that stand out with at least two neighbours that do (a lone
    /// speck of noise does not stretch the box).</summary>
    public (int Left, int Top, int Right, int Bottom) Box { get; }

    public int[] Interior { get; }

    /// <summary>The center of <see cref="Box"/> on a pixel corner, as scenes place objects.</summary>
    public (int X, int Y) Center => ((Box.Left + Box.Right + 1) / 2, (Box.Top + Box.Bottom + 1) / 2);

    public static ObjectMask Find(ReadOnlySpan<byte> rgb, ReadOnlySpan<byte> background)
    {
        var standsOut = new bool[SceneRenderer.PixelCount];
        var count = 0;
        for (var pixel = 0; pixel < standsOut.Length; pixel++)
        {
            var offset = pixel * 3;
            var contrast = Math.Max(Math.Abs(rgb[offset] - background[offset]),
                Math.Max(Math.Abs(rgb[offset + 1] - background[offset + 1]), Math.Abs(rgb[offset + 2] - background[offset + 2])));
            if (contrast > ObjectLocator.ContrastThreshold)
            {
                standsOut[pixel] = true;
                count++;
            }
        }
        var box = (Left: Size, Top: Size, Right: -1, Bottom: -1);
        var interior = new List<int>();
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                if (!standsOut[y * Size + x])
                {
                    continue;
                }
                var neighbours = Neighbours(standsOut, x, y);
                if (neighbours >= 2)
                {
                    box = (Math.Min(box.Left, x), Math.Min(box.Top, y), Math.Max(box.Right, x), Math.Max(box.Bottom, y));
                }
                if (neighbours == 4)
                {
                    interior.Add(y * Size + x);
                }
            }
        }
        return new ObjectMask(standsOut, box.Right < 0 ? 0 : count, box, interior.ToArray());
    }

    private static int Neighbours(bool[] standsOut, int x, int y) =>
        (x > 0 && standsOut[y * Size + x - 1] ? 1 : 0)
        + (x < Size - 1 && standsOut[y * Size + x + 1] ? 1 : 0)
        + (y > 0 && standsOut[(y - 1) * Size + x] ? 1 : 0)
        + (y < Size - 1 && standsOut[(y + 1) * Size + x] ? 1 : 0);
}
