namespace DreamOmni2.Engine.Latents;

/// <summary>
/// Flux's 2×2 patchify: a (C, h, w) latent viewed as (C, h/2, 2, w/2, 2), permuted to (h/2, w/2, C, 2, 2) and
/// flattened to (h/2·w/2) tokens of 4C features; feature = c·4 + dy·2 + dx, tokens row-major.
/// </summary>
public static class LatentPacking
{
    public static void Pack(ReadOnlySpan<float> chw, int channels, int height, int width, Span<float> tokens)
    {
        CheckShape(chw.Length, tokens.Length, channels, height, width);
        int features = 4 * channels;
        int gridWidth = width / 2;
        for (int c = 0; c < channels; c++)
        {
            for (int y = 0; y < height; y++)
            {
                var sourceRow = chw.Slice((c * height + y) * width, width);
                int tokenRowStart = y / 2 * gridWidth * features + c * 4 + (y & 1) * 2;
                for (int x = 0; x < width; x++)
                {
                    tokens[tokenRowStart + x / 2 * features + (x & 1)] = sourceRow[x];
                }
            }
        }
    }

    public static void Unpack(ReadOnlySpan<float> tokens, int channels, int height, int width, Span<float> chw)
    {
        CheckShape(chw.Length, tokens.Length, channels, height, width);
        int features = 4 * channels;
        int gridWidth = width / 2;
        for (int c = 0; c < channels; c++)
        {
            for (int y = 0; y < height; y++)
            {
                var targetRow = chw.Slice((c * height + y) * width, width);
                int tokenRowStart = y / 2 * gridWidth * features + c * 4 + (y & 1) * 2;
                for (int x = 0; x < width; x++)
                {
                    targetRow[x] = tokens[tokenRowStart + x / 2 * features + (x & 1)];
                }
            }
        }
    }

    private static void CheckShape(int chwLength, int tokensLength, int channels, int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (height % 2 != 0 || width % 2 != 0)
        {
            throw new ArgumentException($"a {height}×{width} latent does not split into 2×2 patches");
        }
        int length = channels * height * width;
        if (chwLength != length || tokensLength != length)
        {
            throw new ArgumentException(
                $"a ({channels},{height},{width}) latent has {length} values; got {chwLength} in CHW and {tokensLength} in tokens");
        }
    }
}
