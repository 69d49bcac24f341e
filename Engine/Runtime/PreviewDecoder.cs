using Microsoft.ML.OnnxRuntime;

namespace DreamOmni2.Engine.Runtime;

/// <summary>A pack-named tiny decoder (TAEF1-style): a model-space latent (1, C, h, w) to an image (1, 3, H, W) in [-1, 1].</summary>
public sealed class PreviewDecoder : ILatentDecoder
{
    private readonly FloatGraph _graph;
    private readonly int _channels;

    internal PreviewDecoder(FloatGraph graph, int channels)
    {
        _graph = graph;
        _channels = channels;
    }

    public float[] Decode(ReadOnlySpan<float> latentChw, int latentHeight, int latentWidth, RunOptions options, CancellationToken cancellationToken, out int width, out int height)
    {
        var image = _graph.Run(latentChw, [1, _channels, latentHeight, latentWidth], options, cancellationToken, out var shape);
        height = (int)shape[2];
        width = (int)shape[3];
        return image;
    }
}
