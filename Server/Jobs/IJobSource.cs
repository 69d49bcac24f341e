namespace DreamOmni2.Server.Jobs;

/// <summary>Where the worker gets its next job: this process's queue (<see cref="JobDispatcher"/>) or the shared one.</summary>
public interface IJobSource
{
    /// <summary>Waits for the next job in fair order whose prompt is ready, and marks it running.</summary>
    Task<LiveJob> NextAsync(CancellationToken ct);
}
