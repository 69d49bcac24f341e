namespace DreamOmni2.Server.Jobs.Shared;

/// <summary>
/// How a job's changes reach other processes. In one process there are none to tell (<see cref="NoJobEvents"/>); with
/// several, they go through Redis (<see cref="RedisJobEvents"/>).
/// </summary>
public interface IJobEvents
{
    /// <summary>The job changed (state, progress or preview): tell the other processes its newest state.</summary>
    void Changed(LiveJob job);

    /// <summary>Asks whichever process runs the job to stop it.</summary>
    Task CancelAsync(CancelRequest request);

    /// <summary>Tells the workers a job may have become ready, so an idle one claims it without waiting for its next poll.</summary>
    Task QueuedAsync();
}

/// <summary>One process: nobody else to tell.</summary>
public sealed class NoJobEvents : IJobEvents
{
    public void Changed(LiveJob job)
    {
    }

    public Task CancelAsync(CancelRequest request) => Task.CompletedTask;

    public Task QueuedAsync() => Task.CompletedTask;
}
