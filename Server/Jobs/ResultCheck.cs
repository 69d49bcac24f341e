using DreamOmni2.Contracts;
using DreamOmni2.Translation.Reflection;

namespace DreamOmni2.Server.Jobs;

/// <summary>What the VLM said of a reflection round's result, and the round it queued next, if any.</summary>
/// <param name="Warning">Why the chain stopped without a verdict to act on; null otherwise.</param>
/// <param name="NextJobId">The next round's job; null when this round is the last.</param>
/// <param name="Note">How the next round differs when it could not take the critique; null otherwise.</param>
public sealed record ResultCheck(ReflectionVerdict Verdict, string Critique, string? Warning, string? NextJobId, string? Note = null);
