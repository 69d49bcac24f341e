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

/// <param name="Kind">Which decoder makes the step previews; left out: the linear map.</param>
/// <param name="Factors">The linear preview's (R, G, B) row per latent channel; only with <see cref="PreviewKind.Linear"/>.</param>
/// <param name="Bias">The linear preview's (R, G, B) bias; only with <see cref="PreviewKind.Linear"/>.</param>
/// <param name="Decoder">The ONNX preview decoder (TAEF1-style) taking the model-space latent; only with <see cref="PreviewKind.Decoder"/>.</param>
public sealed record PreviewSection(
    PreviewKind Kind = PreviewKind.Linear, IReadOnlyList<float[]>? Factors = null, float[]? Bias = null, string? Decoder = null);
