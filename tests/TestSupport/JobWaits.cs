using DreamOmni2.Server.Jobs;

namespace DreamOmni2.TestSupport;

public static class JobWaits
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Watches a job until <paramref name="until"/> holds, returning that snapshot.</summary>
    public static async Task<JobSnapshot> WatchUntilAsync(this JobService jobs, string owner, string id, Func<JobSnapshot, bool> until)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await foreach (var snapshot in jobs.WatchAsync(owner, id, timeout.Token))
        {
            if (until(snapshot))
            {
                return snapshot;
            }
        }
        throw new InvalidOperationException($"job {id} ended without reaching the state waited for");
    }
}
