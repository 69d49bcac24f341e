namespace DreamOmni2.Engine.Packs;

/// <param name="PatchSize">Side of the square latent patch packed into one token.</param>
public sealed record LatentSection(
    int Channels,
    int Downsampling,
    int PatchSize,
    float ScalingFactor,
    float ShiftFactor,
    PreviewSection Preview)
{
    /// <summary>Features of one packed token: channels · patch².</summary>
    public int TokenFeatures => Channels * PatchSize * PatchSize;

    /// <summary>Pixels per token side; image sides must be multiples of it.</summary>
    public int PixelsPerToken => Downsampling * PatchSize;
}

/// <param name="Factors">One (R, G, B) row per latent channel for the linear preview.</param>
/// <param name="Decoder">An optional ONNX preview decoder (TAEF1-style) taking the model-space latent.</param>
public sealed record PreviewSection(IReadOnlyList<float[]> Factors, float[] Bias, string? Decoder = null);
