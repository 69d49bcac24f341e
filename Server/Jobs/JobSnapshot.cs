using DreamOmni2.Contracts;

namespace DreamOmni2.Server.Jobs;

/// <summary>A job as a viewer sees it at one moment. Viewers get the latest snapshot only; older ones are dropped.</summary>
/// <param name="QueuePosition">1-based place in the queue while queued.</param>
/// <param name="Step">Denoising steps done (0 before the loop starts).</param>
/// <param name="SecondsLeft">Estimated from the steps so far; null before the first step.</param>
/// <param name="Preview">The latest preview frame's step and time, without its bytes (fetch those by URL).</param>
public sealed record JobSnapshot(
    JobRecord Record,
    int? QueuePosition,
    int Step,
    int Steps,
    double? SecondsLeft,
    PreviewStamp? Preview)
{
    public string Id => Record.Id;

    public JobState State => Record.State;
}

public sealed record PreviewStamp(int Step, double StepEndedUnixMilliseconds);
