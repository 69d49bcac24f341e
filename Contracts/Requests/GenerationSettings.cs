namespace DreamOmni2.Contracts;

/// <summary>
/// A request checked against a pack with every default filled in: what a job stores and what the pipeline runs.
/// Made by <see cref="RequestRules.Complete"/>, the one place requests are validated.
/// </summary>
/// <param name="Instruction">What the person asked for; empty when only a prompt was given.</param>
/// <param name="LockedPrompt">The prompt to use as is; null: the instruction is translated when the job runs.</param>
/// <param name="RandomSeed">Whether <paramref name="Seed"/> was drawn rather than asked for.</param>
/// <param name="OutputSize">Generation only: the output size wanted; null: the pack's.</param>
public sealed record GenerationSettings(
    GenerationMode Mode,
    string Instruction,
    string? LockedPrompt,
    ulong Seed,
    bool RandomSeed,
    int Steps,
    float Guidance,
    EncodingScheme Scheme,
    ImageSize? OutputSize,
    bool Previews)
{
    /// <summary>Run even when the translator has a problem with the instruction (see <see cref="GenerationRequest.RunAsWritten"/>).</summary>
    public bool RunAsWritten { get; init; }
}
