using DreamOmni2.Contracts;

namespace DreamOmni2.Engine.Imaging;

/// <summary>The size of the generated image: the requested aspect ratio at the pack's maximum area.</summary>
public static class OutputSize
{
    /// <summary>
    /// <c>W' = round(sqrt(A·ar)) // m * m</c>, <c>H' = round(sqrt(A/ar)) // m * m</c> with ar = width/height, as
    /// FluxKontextPipeline computes it (round half to even, like Python's <c>round</c>). <paramref name="multiple"/>
    /// is VAE downsampling × 2 (16 for Flux), so that the latent packs into whole 2×2 patches.
    /// </summary>
    /// <remarks>A side that would floor to 0 at an extreme aspect ratio is given one multiple instead.</remarks>
    public static ImageSize For(int width, int height, long maxArea, int multiple = 16)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxArea);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(multiple);

        double aspectRatio = (double)width / height;
        return new ImageSize(
            Snap(Math.Sqrt(maxArea * aspectRatio), multiple),
            Snap(Math.Sqrt(maxArea / aspectRatio), multiple));
    }

    private static int Snap(double side, int multiple) =>
        Math.Max(multiple, (int)Math.Round(side, MidpointRounding.ToEven) / multiple * multiple);
}
