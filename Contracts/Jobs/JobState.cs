namespace DreamOmni2.Contracts;

public enum JobState
{
    Queued,
    Running,

    /// <summary>Its result is made and the VLM is judging it (a round of "check and retry").</summary>
    Checking,

    Completed,
    Failed,

    /// <summary>Stopped while running, at its owner's (or an admin's) request.</summary>
    Cancelled,

    /// <summary>Taken out of the queue before it started.</summary>
    Removed,
}

public static class JobStateExtensions
{
    public static bool IsFinished(this JobState state) => state is not (JobState.Queued or JobState.Running or JobState.Checking);
}
