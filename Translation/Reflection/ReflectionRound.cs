using DreamOmni2.Contracts;

namespace DreamOmni2.Translation.Reflection;

/// <summary>One run of the job and the VLM's check of its result.</summary>
/// <param name="Number">1 for the first run.</param>
/// <param name="Prompt">The prompt this round ran with.</param>
/// <param name="Result">The image the job produced.</param>
/// <param name="Verdict">Whether the VLM found that the result follows the instruction.</param>
/// <param name="Critique">What the VLM said must change (or, with a yes, any remark it added).</param>
/// <param name="Warning">Why the loop stopped here without a verdict to act on, for a person; null otherwise.</param>
public sealed record ReflectionRound(
    int Number,
    string Prompt,
    TranslationImage Result,
    ReflectionVerdict Verdict,
    string Critique,
    string? Warning);
