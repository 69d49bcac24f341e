namespace DreamOmni2.Engine.Latents;

/// <summary>Reproducible standard-normal noise for the initial latent.</summary>
/// <remarks>
/// xoshiro256** feeds Marsaglia's polar method. Its logarithm is computed here from IEEE-exact operations only
/// (+, −, ×, ÷, √ and bit access), so a seed gives bit-identical noise on every platform and .NET version; the
/// runtime's Math.Log/Sin/Cos come from the C library and are not guaranteed to.
/// </remarks>
public static class LatentNoise
{
    public static void Fill(Span<float> dest, ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        int i = 0;
        while (i < dest.Length)
        {
            double u = 2 * random.NextDouble() - 1;
            double v = 2 * random.NextDouble() - 1;
            double s = u * u + v * v;
            if (s >= 1 || s == 0)
            {
                continue;
            }
            double scale = Math.Sqrt(-2 * Log(s) / s);
            dest[i++] = (float)(u * scale);
            if (i < dest.Length)
            {
                dest[i++] = (float)(v * scale);
            }
        }
    }

    private const double Ln2 = 0.693147180559945309417232121458;

    /// <summary>ln x for a positive normal x: x = m·2^e with m in [√½, √2), ln m = 2·atanh((m−1)/(m+1)) by its series.</summary>
    internal static double Log(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int exponent = (int)((bits >> 52) & 0x7FF) - 1023;
        double mantissa = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000);
        if (mantissa > 1.4142135623730951)
        {
            mantissa /= 2;
            exponent++;
        }

        double t = (mantissa - 1) / (mantissa + 1);
        double t2 = t * t;
        double term = t;
        double sum = 0;
        // |t| ≤ 0.1716, so t^(2k+1)/(2k+1) falls below 1e-17 of the sum by k = 11.
        for (int k = 1; k <= 23; k += 2)
        {
            sum += term / k;
            term *= t2;
        }
        return exponent * Ln2 + 2 * sum;
    }
}
