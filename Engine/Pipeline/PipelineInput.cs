using DreamOmni2.Contracts;
using DreamOmni2.Engine.Requests;

namespace DreamOmni2.Engine.Pipeline;

/// <summary>What the pipeline runs: settings already completed by <see cref="RequestRules"/>, the images, and the prompt.</summary>
/// <param name="Images">Encoded images (PNG, JPEG, WebP) in order; in edit mode image 1 is the one being edited.</param>
/// <param name="Prompt">What the text encoders see: the translator's output, or the locked prompt.</param>
/// <param name="Translator">The translator that wrote <paramref name="Prompt"/>, recorded in the output; null when none did.</param>
public sealed record PipelineInput(GenerationSettings Settings, IReadOnlyList<ReadOnlyMemory<byte>> Images, string Prompt, string? Translator = null)
{
    /// <summary>A request that gives its prompt (nothing to translate), completed by the pack's rules, with its images.</summary>
    /// <exception cref="InvalidRequestException">The request cannot run on this pack as asked.</exception>
    public static PipelineInput ForPrompt(RequestRules rules, GenerationRequest request, IReadOnlyList<ReadOnlyMemory<byte>> images)
    {
        var settings = rules.Complete(request, images.Count);
        return new PipelineInput(settings, images, settings.LockedPrompt
            ?? throw new InvalidRequestException(RequestField.Prompt, "give the prompt: this run has no translator"));
    }
}
