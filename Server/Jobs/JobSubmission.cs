using DreamOmni2.Engine;

namespace DreamOmni2.Server.Jobs;

/// <summary>A request as a page or an API client sends it; anything null takes the pack's default.</summary>
/// <param name="Images">Content hashes of the submitter's uploads, in order; in edit mode image 1 is the source.</param>
/// <param name="Prompt">A prompt to use as is (locked); null: translate <paramref name="Instruction"/>.</param>
/// <param name="Reflect">Check each result with the VLM and run again with its critique until it agrees ("check and retry").</param>
public sealed record JobSubmission(
    GenerationMode Mode,
    IReadOnlyList<string> Images,
    string Instruction,
    string? Prompt = null,
    ulong? Seed = null,
    int? Steps = null,
    float? Guidance = null,
    bool? IndexEncoding = null,
    bool? PositionShift = null,
    bool Previews = true,
    bool Reflect = false);
