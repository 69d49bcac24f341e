using DreamOmni2.Contracts;
using DreamOmni2.Server.Storage;

namespace DreamOmni2.Server.Jobs.Shared;

/// <summary>
/// Receives what other processes say of jobs: their changes reach this process's viewers, a cancel reaches the job if
/// it runs here, and a newly queued job wakes this process's worker. Every few seconds the copies of jobs running
/// elsewhere are checked against the store, so a message lost on the way cannot leave a viewer waiting, and the
/// translations under way here renew their lease, so no other process takes them over.
/// </summary>
public sealed class SharedJobUpdates(
    IJobEvents jobEvents, JobBoard board, JobRepository jobs, SharedJobQueue queue, JobTranslation translation, ILogger<SharedJobUpdates> logger)
    : BackgroundService
{
    /// <summary>How often copies are checked and translation leases renewed: often enough that a lease never runs out while this process lives.</summary>
    private readonly TimeSpan _check = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(2).Ticks, queue.LeaseLength.Ticks / 3));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (jobEvents is not RedisJobEvents events)
        {
            return;
        }
        await events.SubscribeAsync(board.Apply, Cancel, board.SignalReady);
        using var timer = new PeriodicTimer(_check);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                queue.KeepTranslating(translation.InFlight);
                foreach (var mirror in board.Mirrors())
                {
                    if (jobs.FindById(mirror.Id) is { } stored && stored.State.IsFinished())
                    {
                        var progress = mirror.Snapshot(null);
                        board.Apply(new JobEvent(events.Node, stored, progress.Step, progress.Steps, null, 0, null, 0));
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Cancel(CancelRequest request)
    {
        if (board.Find(request.JobId) is { Lease: not null } job && !job.Cancellation.IsCancellationRequested)
        {
            logger.LogInformation("Job {Job} cancelled from another process", job.Id);
            job.Stop(request.Admin);
        }
    }
}
