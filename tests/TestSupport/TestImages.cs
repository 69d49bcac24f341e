using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.TestSupport;

public static class TestImages
{
    /// <summary>A PNG of seeded colour gradients.</summary>
    public static byte[] Png(int width, int height, int seed) => GradientPattern.Png(width, height, seed);

    /// <summary>A PNG of seeded noise, which hardly compresses: for size limits.</summary>
    public static byte[] Noise(int width, int height, int seed)
    {
        var rgb = new byte[3 * width * height];
        new Random(seed).NextBytes(rgb);
        return PngEncoder.Encode(rgb, width, height);
    }
}
