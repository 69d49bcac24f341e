using Microsoft.ML.OnnxRuntime;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Runtime;

namespace DreamOmni2.Engine.Pipeline;

/// <summary>A request resolved against its pack: settings with defaults filled in, and the references encoded into tokens.</summary>
/// <param name="ReferenceTokens">Every reference image's packed latent tokens, in request order.</param>
/// <param name="Started">When preparation began (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</param>
internal sealed record JobInputs(
    ImageSize OutputSize,
    IReadOnlyList<ImageSize> ReferenceSizes,
    IReadOnlyList<GridSize> ReferenceGrids,
    float[] ReferenceTokens,
    ulong Seed,
    int Steps,
    float Guidance,
    EncodingScheme Scheme,
    long Started)
{
    public static JobInputs Read(
        PackSessions sessions, GenerationRequest request, RunOptions runOptions, long started, CancellationToken cancellationToken)
    {
        var manifest = sessions.Pack.Manifest;
        var defaults = manifest.Defaults;
        var latent = manifest.Latent;
        if (!sessions.Supports(request.Mode))
        {
            throw new ArgumentException($"pack '{sessions.Pack.Name}' does not offer {request.Mode.ToString().ToLowerInvariant()} mode");
        }
        int steps = request.Steps ?? defaults.Steps;
        if (steps <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), steps, "steps must be at least 1");
        }
        if (request.OutputSize is not null && request.Mode == GenerationMode.Edit)
        {
            throw new ArgumentException("an edit keeps the size of image 1; an output size is for generation only");
        }

        var limits = ImageLimits.Default with
        {
            MaxImages = defaults.MaxImages,
            MinImages = request.Mode == GenerationMode.Edit ? 1 : 0,
        };
        limits.EnsureImageCount(request.Images.Count);
        var images = request.Images
            .Select((bytes, i) => BucketResize.Apply(ImageDecoder.Decode(bytes.Span, limits, i + 1), defaults.Buckets))
            .ToList();
        var sizes = images.Select(image => image.Size).ToList();
        var grids = sizes.Select(size => GridSize.ForImage(size.Height, size.Width, latent.Downsampling)).ToList();
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

        var output = request.Mode == GenerationMode.Edit
            ? sizes[0]
            : request.OutputSize is { } wanted
                ? Imaging.OutputSize.For(wanted.Width, wanted.Height, defaults.MaxArea, latent.PixelsPerToken)
                : defaults.GenerateSize;
        return new JobInputs(
            output,
            sizes,
            grids,
            tokens,
            request.Seed ?? (ulong)Random.Shared.NextInt64(0, 1L << 32),
            steps,
            request.Guidance ?? defaults.Guidance,
            request.Scheme ?? manifest.Encoding,
            started);
    }
}
