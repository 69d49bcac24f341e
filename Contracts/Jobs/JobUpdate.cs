namespace DreamOmni2.Contracts;

/// <summary>A job's state as the API hub streams it: what the page shows, with URLs for the images.</summary>
/// <param name="QueuePosition">1-based place in the queue while queued.</param>
/// <param name="PreviewUrl">The latest step's preview, while the job runs.</param>
/// <param name="ResultUrl">The result PNG, once the job has completed.</param>
/// <param name="Translation">How the instruction was translated into <paramref name="Prompt"/> and what the translator saw
/// in the images, once it has been; null for a locked prompt.</param>
public sealed record JobUpdate(
    string Id,
    JobState State,
    int? QueuePosition,
    int Step,
    int Steps,
    double? SecondsLeft,
    string? PreviewUrl,
    string? Prompt,
    ulong? Seed,
    string? ResultUrl,
    RequestError? Error,
    PromptTranslationInfo? Translation = null);
