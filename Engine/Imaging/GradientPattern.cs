namespace DreamOmni2.Engine.Imaging;

/// <summary>Seeded colour gradients as PNG: benchmark and test inputs of any size without shipping images.</summary>
public static class GradientPattern
{
    public static byte[] Png(int width, int height, int seed)
    {
        var random = new Random(seed);
        var (r0, g0, b0) = (random.Next(256), random.Next(256), random.Next(256));
        var rgb = new byte[3 * width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int p = 3 * (y * width + x);
                rgb[p] = (byte)((r0 + 255 * x / width) % 256);
                rgb[p + 1] = (byte)((g0 + 255 * y / height) % 256);
                rgb[p + 2] = (byte)((b0 + 128 * (x + y) / (width + height)) % 256);
            }
        }
        return PngEncoder.Encode(rgb, width, height);
    }
}
