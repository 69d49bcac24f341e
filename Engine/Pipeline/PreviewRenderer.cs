using Microsoft.ML.OnnxRuntime;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Runtime;

namespace DreamOmni2.Engine.Pipeline;

/// <summary>
/// Turns the target tokens' denoised estimate into a preview, the way the pack's <c>latent.preview.kind</c> says:
/// through a decoder (the pack's VAE, exact, or its preview decoder file) at the output's size, else the linear
/// channel-to-RGB map at the latent's size.
/// </summary>
internal sealed class PreviewRenderer
{
    private readonly ILatentDecoder? _decoder;
    private readonly float[,]? _factors;
    private readonly float[] _bias;
    private readonly int _channels;
    private readonly int _latentHeight;
    private readonly int _latentWidth;
    private readonly float[] _chw;

    public PreviewRenderer(PackSessions sessions, int latentHeight, int latentWidth)
    {
        var latent = sessions.Pack.Manifest.Latent;
        _decoder = sessions.PreviewDecoder;
        _factors = sessions.Pack.PreviewFactors;
        _bias = latent.Preview.Bias ?? [];
        _channels = latent.Channels;
        _latentHeight = latentHeight;
        _latentWidth = latentWidth;
        _chw = new float[_channels * latentHeight * latentWidth];
    }

    public DecodedImage Render(ReadOnlySpan<float> x0Tokens, RunOptions options, CancellationToken cancellationToken)
    {
        LatentPacking.Unpack(x0Tokens, _channels, _latentHeight, _latentWidth, _chw);
        if (_decoder is null)
        {
            return new DecodedImage(_latentWidth, _latentHeight, LatentPreview.Linear(_chw, _channels, _latentHeight, _latentWidth, _factors!, _bias));
        }
        var image = _decoder.Decode(_chw, _latentHeight, _latentWidth, options, cancellationToken, out int width, out int height);
        return new DecodedImage(width, height, ModelImage.ToRgb(image, width, height));
    }
}
