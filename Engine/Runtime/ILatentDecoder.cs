using Microsoft.ML.OnnxRuntime;

namespace DreamOmni2.Engine.Runtime;

/// <summary>A graph that turns a model-space latent (C, h, w) into an image (3, H, W) in [-1, 1].</summary>
public interface ILatentDecoder
{
    float[] Decode(ReadOnlySpan<float> latentChw, int latentHeight, int latentWidth, RunOptions options, CancellationToken cancellationToken, out int width, out int height);
}
