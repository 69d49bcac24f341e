using DreamOmni2.ShapeWorld.Judging;
using DreamOmni2.DataFactory.Randomness;
using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.ShapeWorld.Tests.Judging;

/// <summary>Imperfections a right answer may have: noise, a 1-px slip, softness.</summary>
internal static class Degrade
{
    /// <summary>Each channel moved by a uniform integer in [−amplitude, amplitude].</summary>
    public static byte[] Noise(byte[] rgb, int amplitude, ulong seed)
    {
        var rng = new SplitMix64(seed);
        return rgb.Select(value => (byte)Math.Clamp(value + rng.NextInclusive(-amplitude, amplitude), 0, 255)).ToArray();
    }

    public static byte[] Shift(byte[] rgb, int dx, int dy) => PixelRegions.Shifted(rgb, dx, dy);

    /// <summary>A 3×3 binomial blur ([1 2 1]ᵀ[1 2 1]/16), edges repeated: the softness of a decent decoder.</summary>
    public static byte[] Soften(byte[] rgb) => Convolve(rgb, [1, 2, 1, 2, 4, 2, 1, 2, 1]);

    /// <summary>A 3×3 box blur, edges repeated.</summary>
    public static byte[] Blur(byte[] rgb) => Convolve(rgb, [1, 1, 1, 1, 1, 1, 1, 1, 1]);

    private static byte[] Convolve(byte[] rgb, int[] kernel)
    {
        const int size = ShapeWorldValues.CanvasSize;
        var blurred = new byte[rgb.Length];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                for (var channel = 0; channel < 3; channel++)
                {
                    var sum = 0;
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            var sy = Math.Clamp(y + dy, 0, size - 1);
                            var sx = Math.Clamp(x + dx, 0, size - 1);
                            sum += kernel[(dy + 1) * 3 + dx + 1] * rgb[(sy * size + sx) * 3 + channel];
                        }
                    }
                    blurred[(y * size + x) * 3 + channel] = (byte)((sum + kernel.Sum() / 2) / kernel.Sum());
                }
            }
        }
        return blurred;
    }
}
