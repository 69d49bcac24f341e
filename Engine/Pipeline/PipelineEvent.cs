using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Latents;

namespace DreamOmni2.Engine.Pipeline;

/// <summary>What <see cref="KontextPipeline.RunAsync"/> reports, in this order: Prepared, Step × N, Decoded, Completed; or Failed.</summary>
public abstract record PipelineEvent
{
    /// <summary>Inputs are encoded and the loop is about to start.</summary>
    /// <param name="ReferenceSizes">Each input image's bucketed size, in request order.</param>
    /// <param name="TargetTokens">Image tokens being denoised.</param>
    /// <param name="ReferenceTokens">Image tokens of all references together.</param>
    /// <param name="TextTokens">Text tokens the transformer attends to.</param>
    /// <param name="Seed">The seed used, drawn when the request named none.</param>
    public sealed record Prepared(
        GenerationMode Mode,
        ImageSize OutputSize,
        IReadOnlyList<ImageSize> ReferenceSizes,
        int TargetTokens,
        int ReferenceTokens,
        int TextTokens,
        ulong Seed,
        int Steps,
        float Guidance,
        EncodingScheme Scheme,
        string Prompt,
        TimeSpan Elapsed) : PipelineEvent;

    /// <summary>Denoising step <paramref name="Number"/> of <paramref name="Count"/> (1-based) is done.</summary>
    /// <param name="Sigma">The noise level the step started from.</param>
    /// <param name="Preview">The denoised estimate x0 = x − σ·v as RGB; null when previews are off.</param>
    /// <param name="Elapsed">The whole step.</param>
    /// <param name="OnnxTime">The part of <paramref name="Elapsed"/> spent inside ONNX Runtime's transformer run.</param>
    public sealed record Step(
        int Number,
        int Count,
        float Sigma,
        DecodedImage? Preview,
        TimeSpan Elapsed,
        TimeSpan OnnxTime) : PipelineEvent;

    public sealed record Decoded(ImageSize Size, TimeSpan Elapsed) : PipelineEvent;

    public sealed record Completed(GenerationResult Result) : PipelineEvent;

    /// <summary>The job stopped on an error (bad input, a graph failing). Cancellation is not reported here: it throws.</summary>
    public sealed record Failed(Exception Error) : PipelineEvent;
}
