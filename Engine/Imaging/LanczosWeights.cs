namespace DreamOmni2.Engine.Imaging;

/// <summary>
/// Per-output-pixel taps of a Lanczos-3 filter along one axis, in Pillow's 8-bit fixed point: computed as Pillow's
/// <c>precompute_coeffs</c> and <c>normalize_coeffs_8bpc</c> do (Resample.c), so resizes match it pixel for pixel.
/// The support widens by the downscale factor, so shrinking averages instead of aliasing.
/// </summary>
internal sealed class LanczosWeights
{
    /// <summary>Fraction bits of the fixed-point weights: 32 − 8 − 2, leaving room for 8-bit values and overshoot.</summary>
    public const int PrecisionBits = 22;

    private const double Support = 3.0;

    private LanczosWeights(int[] first, int[] count, int[] weights, int stride)
    {
        First = first;
        Count = count;
        Weights = weights;
        Stride = stride;
    }

    /// <summary>The first input index each output index reads.</summary>
    public int[] First { get; }

    /// <summary>How many consecutive inputs each output index reads.</summary>
    public int[] Count { get; }

    /// <summary>Weights normalized to sum to one, times 2^<see cref="PrecisionBits"/>; <see cref="Stride"/> per output index.</summary>
    public int[] Weights { get; }

    public int Stride { get; }

    public static LanczosWeights For(int inSize, int outSize)
    {
        double scale = (double)inSize / outSize;
        double filterScale = Math.Max(scale, 1.0);
        double support = Support * filterScale;
        double inverseFilterScale = 1.0 / filterScale;
        int stride = (int)Math.Ceiling(support) * 2 + 1;

        var first = new int[outSize];
        var count = new int[outSize];
        var weights = new int[outSize * stride];
        var taps = new double[stride];
        for (int o = 0; o < outSize; o++)
        {
            double center = (o + 0.5) * scale;
            int min = Math.Max(0, (int)(center - support + 0.5));
            int taken = Math.Min(inSize, (int)(center + support + 0.5)) - min;
            double total = 0;
            for (int k = 0; k < taken; k++)
            {
                taps[k] = Lanczos((k + min - center + 0.5) * inverseFilterScale);
                total += taps[k];
            }
            first[o] = min;
            count[o] = taken;
            for (int k = 0; k < taken; k++)
            {
                weights[o * stride + k] = ToFixedPoint(total == 0 ? 0 : taps[k] / total);
            }
        }
        return new LanczosWeights(first, count, weights, stride);
    }

    /// <summary>Rounds half away from zero, as Pillow's <c>(int)(±0.5 + w · 2^22)</c> does.</summary>
    private static int ToFixedPoint(double weight) =>
        (int)(weight < 0 ? -0.5 + weight * (1 << PrecisionBits) : 0.5 + weight * (1 << PrecisionBits));

    private static double Lanczos(double x) => x is >= -Support and < Support ? Sinc(x) * Sinc(x / Support) : 0;

    private static double Sinc(double x)
    {
        if (x == 0)
        {
            return 1;
        }
        x *= Math.PI;
        return Math.Sin(x) / x;
    }
}
