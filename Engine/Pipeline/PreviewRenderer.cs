using Microsoft.ML.OnnxRuntime;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Runtime;

namespace DreamOmni2.Engine.Pipeline;

/// <summary>
/// Turns the target tokens' denoised estimate into a preview: through the pack's preview decoder when it names one,
/// else the linear channel-to-RGB map at latent resolution (1/8 of the output size).
/// </summary>
internal sealed class PreviewRenderer(
    PreviewDecoder? decoder, float[,] factors, float[] bias, int channels, int latentHeight, int latentWidth)
{
    private readonly float[] _chw = new float[channels * latentHeight * latentWidth];

    public DecodedImage Render(ReadOnlySpan<float> x0Tokens, RunOptions options, CancellationToken cancellationToken)
    {
        LatentPacking.Unpack(x0Tokens, channels, latentHeight, latentWidth, _chw);
        if (decoder is null)
        {
            return new DecodedImage(latentWidth, latentHeight, LatentPreview.Linear(_chw, channels, latentHeight, latentWidth, factors, bias));
        }
        var image = decoder.Decode(_chw, latentHeight, latentWidth, options, cancellationToken, out int width, out int height);
        return new DecodedImage(width, height, ModelImage.ToRgb(image, width, height));
    }
}
