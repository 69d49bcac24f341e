using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Runtime;
using Microsoft.ML.OnnxRuntime;

namespace DreamOmni2.Engine.Pipeline;

/// <summary>A run's images decoded, resized and encoded into tokens, and the size of its output.</summary>
/// <param name="ReferenceTokens">Every reference image's packed latent tokens, in request order.</param>
/// <param name="Started">When preparation began (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</param>
internal sealed record JobInputs(
    ImageSize OutputSize,
    IReadOnlyList<ImageSize> ReferenceSizes,
    IReadOnlyList<GridSize> ReferenceGrids,
    float[] ReferenceTokens,
    long Started)
{
    /// <exception cref="ImageInputException">An image cannot be read or is over the limits.</exception>
    public static JobInputs Read(PackSessions sessions, PipelineInput input, RunOptions runOptions, long started, CancellationToken cancellationToken)
    {
        var rules = sessions.Rules;
        var latent = sessions.Pack.Manifest.Latent;
        var settings = input.Settings;
        if (input.Images.Count > rules.MaxImages || (settings.Mode == GenerationMode.Edit && input.Images.Count == 0))
        {
            throw new ArgumentException($"{input.Images.Count} images do not fit settings that were not completed for this pack", nameof(input));
        }
        var images = input.Images
            .Select((bytes, i) => BucketResize.Apply(ImageDecoder.Decode(bytes.Span, ImageLimits.Default, i + 1), sessions.Pack.Manifest.Defaults.Buckets))
            .ToList();
        var sizes = images.Select(image => image.Size).ToList();
        var grids = sizes.Select(rules.Grid).ToList();
        var tokens = new float[grids.Sum(g => g.Tokens) * latent.TokenFeatures];
        int offset = 0;
        for (int i = 0; i < images.Count; i++)
        {
            var resized = images[i];
            var z = sessions.Vae.Encode(ModelImage.ToTensor(resized), resized.Width, resized.Height, runOptions, cancellationToken);
            int length = grids[i].Tokens * latent.TokenFeatures;
            LatentPacking.Pack(z, latent.Channels, resized.Height / latent.Downsampling, resized.Width / latent.Downsampling, tokens.AsSpan(offset, length));
            offset += length;
        }
        return new JobInputs(rules.OutputSize(settings.Mode, sizes, settings.OutputSize), sizes, grids, tokens, started);
    }
}
