using DreamOmni2.Contracts;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Scheduling;

namespace DreamOmni2.Engine.Packs;

/// <summary>The contents of a pack's <c>pack.json</c>; packs/README.md documents every field.</summary>
/// <param name="Encoding">The scheme the model was trained with: the default for requests that name none.</param>
/// <param name="Examples">The pack-relative path of its examples file (<see cref="PackExamples"/>), if it ships examples.</param>
public sealed record PackManifest(
    int Format,
    string Name,
    TransformerSection Transformer,
    IReadOnlyList<TextEncoderSection> TextEncoders,
    VaeSection Vae,
    LatentSection Latent,
    ScheduleConstants Schedule,
    DefaultsSection Defaults,
    EncodingScheme Encoding,
    SessionSection Session,
    PromptSection Prompt,
    string? Description = null,
    string? License = null,
    string? Examples = null)
{
    /// <summary>The only manifest format this engine reads.</summary>
    public const int CurrentFormat = 1;
}
