namespace DreamOmni2.Engine.Imaging;

/// <summary>
/// Per-output-pixel taps of a Lanczos-3 filter along one axis, computed as Pillow's <c>precompute_coeffs</c> does
/// (the support widens by the downscale factor, so shrinking averages instead of aliasing).
/// </summary>
internal sealed class LanczosWeights
{
    private const double Support = 3.0;

    private LanczosWeights(int[] first, int[] count, float[] weights, int stride)
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

    /// <summary>Normalized weights, <see cref="Stride"/> per output index.</summary>
    public float[] Weights { get; }

    public int Stride { get; }

    public static LanczosWeights For(int inSize, int outSize)
    {
        double scale = (double)inSize / outSize;
        double filterScale = Math.Max(scale, 1.0);
        double support = Support * filterScale;
        int stride = (int)Math.Ceiling(support) * 2 + 1;

        var first = new int[outSize];
        var count = new int[outSize];
        var weights = new float[outSize * stride];
        var taps = new double[stride];
        for (int o = 0; o < outSize; o++)
        {
            double center = (o + 0.5) * scale;
            int min = Math.Max(0, (int)(center - support + 0.5));
            int max = Math.Min(inSize, (int)(center + support + 0.5));
            double total = 0;
            for (int i = min; i < max; i++)
            {
                taps[i - min] = Lanczos((i - center + 0.5) / filterScale);
                total += taps[i - min];
            }
            first[o] = min;
            count[o] = max - min;
            for (int k = 0; k < max - min; k++)
            {
                weights[o * stride + k] = (float)(total == 0 ? 0 : taps[k] / total);
            }
        }
        return new LanczosWeights(first, count, weights, stride);
    }

    private static double Lanczos(double x) => Math.Abs(x) < Support ? Sinc(x) * Sinc(x / Support) : 0;

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
}
