using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;

namespace DreamOmni2.Translation;

/// <param name="Images">The request's images in order: image 1 first. In an edit, image 1 is the image being edited.</param>
/// <param name="Instruction">What the person typed.</param>
/// <param name="Mode">Edit or generate.</param>
/// <param name="Style">The prompt style of the pack that will encode the translation.</param>
public sealed record TranslationRequest(
    IReadOnlyList<TranslationImage> Images,
    string Instruction,
    GenerationMode Mode,
    PromptStyle Style);
