using Microsoft.ML.OnnxRuntime;
using DreamOmni2.Engine.Packs;

namespace DreamOmni2.Engine.Runtime;

/// <summary>The pack's VAE: images in [-1, 1] (CHW) to model-space latents and back.</summary>
public sealed class Vae : ILatentDecoder
{
    private readonly FloatGraph _encoder;
    private readonly FloatGraph _decoder;
    private readonly LatentSection _latent;
    private readonly bool _appliesScaling;

    internal Vae(FloatGraph encoder, FloatGraph decoder, LatentSection latent, bool appliesScaling)
    {
        _encoder = encoder;
        _decoder = decoder;
        _latent = latent;
        _appliesScaling = appliesScaling;
    }

    /// <summary>The latent (C, height/ds, width/ds) of one image, in model space: <c>(mean − shift)·scale</c>.</summary>
    public float[] Encode(ReadOnlySpan<float> imageChw, int width, int height, RunOptions options, CancellationToken cancellationToken)
    {
        var output = _encoder.Run(imageChw, [1, 3, height, width], options, cancellationToken, out var shape);
        int channels = _latent.Channels;
        int values = channels * (int)shape[2] * (int)shape[3];
        // Encoders exported from diffusers return the distribution's moments (mean, log-variance); the mean comes first.
        if (shape[1] != channels && shape[1] != 2 * channels)
        {
            throw new InvalidOperationException($"the VAE encoder returned {shape[1]} channels; the pack declares {channels}");
        }
        var latent = output.Length == values ? output : output[..values];
        if (!_appliesScaling)
        {
            for (int i = 0; i < latent.Length; i++)
            {
                latent[i] = (latent[i] - _latent.ShiftFactor) * _latent.ScalingFactor;
            }
        }
        return latent;
    }

    /// <summary>The image (3, H, W) in [-1, 1] of a model-space latent (C, h, w).</summary>
    public float[] Decode(ReadOnlySpan<float> latentChw, int latentHeight, int latentWidth, RunOptions options, CancellationToken cancellationToken, out int width, out int height)
    {
        float[]? unscaled = null;
        if (!_appliesScaling)
        {
            unscaled = new float[latentChw.Length];
            for (int i = 0; i < unscaled.Length; i++)
            {
                unscaled[i] = latentChw[i] / _latent.ScalingFactor + _latent.ShiftFactor;
            }
        }
        var image = _decoder.Run(unscaled ?? latentChw, [1, _latent.Channels, latentHeight, latentWidth], options, cancellationToken, out var shape);
        height = (int)shape[2];
        width = (int)shape[3];
        return image;
    }
}
