namespace DreamOmni2.Engine.Latents;

/// <summary>A model-free step preview: a per-pixel linear map from latent channels to RGB.</summary>
public static class LatentPreview
{
    /// <summary>ComfyUI's latent-to-RGB factors for the Flux latent (rows = the 16 channels, columns = R, G, B).</summary>
    public static float[,] FluxFactors => (float[,])s_fluxFactors.Clone();

    /// <summary>ComfyUI's RGB bias for the Flux latent.</summary>
    public static float[] FluxBias => [-0.0329f, -0.0718f, -0.0851f];

    private static readonly float[,] s_fluxFactors =
    {
        { -0.0346f, 0.0244f, 0.0681f }, { 0.0034f, 0.0210f, 0.0687f }, { 0.0275f, -0.0668f, -0.0433f },
        { -0.0174f, 0.0160f, 0.0617f }, { 0.0859f, 0.0721f, 0.0329f }, { 0.0004f, 0.0383f, 0.0115f },
        { 0.0405f, 0.0861f, 0.0915f }, { -0.0236f, -0.0185f, -0.0259f }, { -0.0245f, 0.0250f, 0.1180f },
        { 0.1008f, 0.0755f, -0.0421f }, { -0.0515f, 0.0201f, 0.0011f }, { 0.0428f, -0.0012f, -0.0036f },
        { 0.0817f, 0.0765f, 0.0749f }, { -0.1264f, -0.0522f, -0.1103f }, { -0.0280f, -0.0881f, -0.0499f },
        { -0.1262f, -0.0982f, -0.0778f },
    };

    /// <summary>RGB (HWC, h×w pixels) of <c>Σ_c x0[c]·F[c] + bias</c>, clamped to [-1,1] and mapped to 0..255.</summary>
    public static byte[] Linear(ReadOnlySpan<float> x0Chw, int channels, int h, int w, float[,] factors, float[] bias)
    {
        var rgb = new byte[3 * h * w];
        Linear(x0Chw, channels, h, w, factors, bias, rgb);
        return rgb;
    }

    /// <summary>As <see cref="Linear(ReadOnlySpan{float}, int, int, int, float[,], float[])"/>, into a caller's buffer.</summary>
    public static void Linear(
        ReadOnlySpan<float> x0Chw, int channels, int h, int w, float[,] factors, float[] bias, Span<byte> rgb)
    {
        int pixels = h * w;
        if (x0Chw.Length != channels * pixels)
        {
            throw new ArgumentException($"a ({channels},{h},{w}) latent has {channels * pixels} values, got {x0Chw.Length}");
        }
        if (factors.GetLength(0) != channels || factors.GetLength(1) != 3 || bias.Length != 3)
        {
            throw new ArgumentException(
                $"preview factors must be {channels}×3 with 3 biases, got {factors.GetLength(0)}×{factors.GetLength(1)} and {bias.Length}");
        }
        if (rgb.Length != 3 * pixels)
        {
            throw new ArgumentException($"{w}×{h} RGB needs {3 * pixels} bytes, got {rgb.Length}", nameof(rgb));
        }

        for (int p = 0; p < pixels; p++)
        {
            float r = bias[0], g = bias[1], b = bias[2];
            for (int c = 0; c < channels; c++)
            {
                float value = x0Chw[c * pixels + p];
                r += value * factors[c, 0];
                g += value * factors[c, 1];
                b += value * factors[c, 2];
            }
            rgb[3 * p] = ToByte(r);
            rgb[3 * p + 1] = ToByte(g);
            rgb[3 * p + 2] = ToByte(b);
        }
    }

    private static byte ToByte(float signed) => (byte)MathF.Round((Math.Clamp(signed, -1f, 1f) + 1f) * 127.5f);
}
