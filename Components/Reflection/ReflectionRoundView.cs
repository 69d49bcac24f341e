using DreamOmni2.Contracts;

namespace DreamOmni2.Components.Reflection;

/// <summary>One round of "check and retry" as the page shows it.</summary>
/// <param name="Status">What the round is doing while it has no verdict yet ("queued", "running", …).</param>
/// <param name="Verdict">The VLM's verdict on the round's result; null until it is checked.</param>
/// <param name="Warning">Why the chain stopped at this round without a verdict to act on.</param>
/// <param name="Note">How the next round differs when it could not take the critique.</param>
/// <param name="ThumbnailUrl">The result's thumbnail, once there is one.</param>
/// <param name="Current">The round shown on this page.</param>
public sealed record ReflectionRoundView(
    int Number,
    string Prompt,
    string Status,
    ReflectionVerdict? Verdict,
    string Critique,
    string? Warning,
    string? Note,
    string? ThumbnailUrl,
    string PageUrl,
    bool Current);
