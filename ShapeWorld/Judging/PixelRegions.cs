using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.ShapeWorld.Judging;

/// <summary>Pixel sets of a 64×64 image, one flag a pixel, and errors measured over them.</summary>
public static class PixelRegions
{
    private const int Size = ShapeWorldValues.CanvasSize;

    /// <summary>Pixels the mask covers at all, grown by <paramref name="radius"/> pixels (a square neighbourhood).</summary>
    public static bool[] Covered(ReadOnlySpan<byte> mask, int radius)
    {
        var rows = new bool[SceneRenderer.PixelCount];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                if (mask[y * Size + x] == 0)
                {
                    continue;
                }
                for (var nx = Math.Max(0, x - radius); nx <= Math.Min(Size - 1, x + radius); nx++)
                {
                    rows[y * Size + nx] = true;
                }
            }
        }
        var region = new bool[SceneRenderer.PixelCount];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                if (!rows[y * Size + x])
                {
                    continue;
                }
                for (var ny = Math.Max(0, y - radius); ny <= Math.Min(Size - 1, y + radius); ny++)
                {
                    region[ny * Size + x] = true;
                }
            }
        }
        return region;
    }

    public static bool[] Complement(bool[] region)
    {
        var complement = new bool[region.Length];
        for (var pixel = 0; pixel < region.Length; pixel++)
        {
            complement[pixel] = !region[pixel];
        }
        return complement;
    }

    /// <summary>Mean absolute difference per channel over the region's pixels (every pixel when the region is null);
    /// 0 for an empty region.</summary>
    public static double MeanAbsoluteError(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, bool[]? region = null)
    {
        long sum = 0;
        var pixels = 0;
        for (var pixel = 0; pixel < SceneRenderer.PixelCount; pixel++)
        {
            if (region is not null && !region[pixel])
            {
                continue;
            }
            pixels++;
            var offset = pixel * 3;
            sum += Math.Abs(first[offset] - second[offset]) + Math.Abs(first[offset + 1] - second[offset + 1])
                + Math.Abs(first[offset + 2] - second[offset + 2]);
        }
        return pixels == 0 ? 0 : sum / (3.0 * pixels);
    }

    /// <summary>The image moved by (dx, dy): pixel (x, y) takes the value at (x + dx, y + dy), edges repeated.</summary>
    public static byte[] Shifted(ReadOnlySpan<byte> rgb, int dx, int dy)
    {
        var shifted = new byte[SceneRenderer.RgbLength];
        for (var y = 0; y < Size; y++)
        {
            var sourceY = Math.Clamp(y + dy, 0, Size - 1);
            for (var x = 0; x < Size; x++)
            {
                var sourceX = Math.Clamp(x + dx, 0, Size - 1);
                rgb.Slice((sourceY * Size + sourceX) * 3, 3).CopyTo(shifted.AsSpan((y * Size + x) * 3, 3));
            }
        }
        return shifted;
    }
}
