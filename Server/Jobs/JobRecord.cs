using DreamOmni2.Contracts;

namespace DreamOmni2.Server.Jobs;

/// <summary>A job as stored: who asked, what they asked for, and what became of it.</summary>
public sealed record JobRecord(string Id, string Owner, DateTimeOffset Created, JobState State, JobSpec Spec, JobOutcome Outcome)
{
    public static string NewId() => Guid.NewGuid().ToString("N")[..16];

    /// <summary>Whether the prompt is known (locked, or translated), so the job can run when its turn comes.</summary>
    public bool PromptReady => Spec.Settings.LockedPrompt is not null || Outcome.Prompt is not null;
}
