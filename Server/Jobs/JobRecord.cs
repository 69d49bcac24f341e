namespace DreamOmni2.Server.Jobs;

/// <summary>A job as stored: who asked, what they asked for, and what became of it.</summary>
public sealed record JobRecord(string Id, string Owner, DateTimeOffset Created, JobState State, JobSpec Spec, JobOutcome Outcome)
{
    public static string NewId() => Guid.NewGuid().ToString("N")[..16];
}
