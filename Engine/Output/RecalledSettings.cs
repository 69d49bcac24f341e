using DreamOmni2.Contracts;

namespace DreamOmni2.Engine.Output;

/// <summary>
/// The settings a PNG's <c>parameters</c> text says it was made with, each null where the text did not say or said
/// something this playground cannot use; <see cref="Notes"/> says what was left out and why.
/// </summary>
/// <param name="Source">Who wrote the text, as people name it: "DreamOmni2 Playground", "A1111-style", "SwarmUI".</param>
/// <param name="Instruction">What the person asked for (for other programs: their prompt, to be translated here).</param>
/// <param name="Prompt">The prompt the model saw, when the text comes from this playground.</param>
public sealed record RecalledSettings(
    string Source,
    string? Instruction,
    string? Prompt,
    GenerationMode? Mode,
    ulong? Seed,
    int? Steps,
    float? Guidance,
    EncodingScheme? Scheme,
    IReadOnlyList<string> Notes)
{
    /// <summary>Nothing that could be used, with the reason.</summary>
    public static RecalledSettings Nothing(string source, string reason) => new(source, null, null, null, null, null, null, null, [reason]);

    public bool HasAny => Instruction is not null || Prompt is not null || Mode is not null || Seed is not null
        || Steps is not null || Guidance is not null || Scheme is not null;
}
