using DreamOmni2.Server.Jobs;

namespace DreamOmni2.Server.Jobs.Shared;

/// <summary>
/// A job's state as one process tells the others: its record, its progress, and its newest preview (the JPEG, already
/// encoded). Only the newest event of a job matters; a process that missed some sees the next.
/// </summary>
/// <param name="Node">The process that sent it, so it ignores its own.</param>
public sealed record JobEvent(
    string Node, JobRecord Record, int Step, int Steps, double? SecondsLeft, int PreviewStep, byte[]? PreviewJpeg, double PreviewEndedUnixMilliseconds);

/// <summary>A request to the process that runs a job to stop it.</summary>
/// <param name="Admin">The admin who asked, when not the job's owner.</param>
public sealed record CancelRequest(string JobId, string? Admin);
