namespace DreamOmni2.Server.Jobs;

public enum JobState
{
    Queued,
    Running,
    Completed,
    Failed,

    /// <summary>Stopped while running, at its owner's request.</summary>
    Cancelled,

    /// <summary>Taken out of the queue by its owner before it started.</summary>
    Removed,
}

public static class JobStateExtensions
{
    public static bool IsFinished(this JobState state) => state is not (JobState.Queued or JobState.Running);
}
