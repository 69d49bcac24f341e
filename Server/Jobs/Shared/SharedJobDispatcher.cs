using DreamOmni2.Contracts;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Storage;

namespace DreamOmni2.Server.Jobs.Shared;

/// <summary>
/// A worker's side of the shared queue: it claims the next job in fair order from the store, keeps the lease while the
/// job runs (a third of the lease at a time), stops the job when its owner or an admin cancels it, queues again the
/// jobs of workers that stopped renewing theirs, and translates the instructions of jobs whose front end stopped before
/// it translated them.
/// </summary>
public sealed class SharedJobDispatcher(
    SharedJobQueue queue, WorkerRegistry workers, JobBoard board, JobTranslation translation, JobMetrics metrics, PlaygroundEngine engine,
    TimeProvider clock, ILogger<SharedJobDispatcher> logger) : IJobSource
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(500);

    private DateTimeOffset _lastReap = DateTimeOffset.MinValue;
    private bool _announced;

    /// <summary>This worker as its claims name it: machine, process and a random part.</summary>
    public string Worker { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..6]}";

    public async Task<LiveJob> NextAsync(CancellationToken ct)
    {
        if (!_announced)
        {
            _announced = true;
            logger.LogInformation("Worker {Worker} takes jobs from the shared queue: pack '{Pack}' on {Provider}", Worker, engine.Pack.Name, engine.ProviderName);
        }
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            ReapExpired();
            if (queue.Claim(Worker, engine.Pack.Name) is var (lease, record))
            {
                var started = clock.GetUtcNow();
                metrics.Waited(started - record.Created);
                var job = board.Hold(record, lease);
                board.Update(job, record with { Outcome = record.Outcome with { Started = started } });
                _ = Task.Run(() => KeepLeaseAsync(job), CancellationToken.None);
                return job;
            }
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(ct);
            poll.CancelAfter(s_poll);
            try
            {
                await board.WaitForReadyAsync(poll.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
            }
        }
    }

    /// <summary>
    /// Every third of a lease: reports this worker alive, queues again the jobs of workers that are not, and takes over
    /// a translation whose front end stopped.
    /// </summary>
    private void ReapExpired()
    {
        var now = clock.GetUtcNow();
        if (now - _lastReap < queue.LeaseLength / 3)
        {
            return;
        }
        _lastReap = now;
        workers.Report(Worker, engine.Pack.Name, engine.ProviderName);
        foreach (string id in queue.RequeueExpired())
        {
            logger.LogWarning("Job {Job} queued again: its worker stopped renewing its lease", id);
        }
        if (queue.ClaimTranslation(engine.Pack.Name) is { } untranslated && board.Mirror(untranslated) is { } job)
        {
            logger.LogWarning("Job {Job}: translating its instruction here, as the front end that took it stopped before it did", job.Id);
            translation.Prepare(job);
        }
    }

    private async Task KeepLeaseAsync(LiveJob job)
    {
        using var timer = new PeriodicTimer(queue.LeaseLength / 3, clock);
        while (await timer.WaitForNextTickAsync())
        {
            if (job.Lost || job.Record.State.IsFinished() || job.Lease is not { } lease)
            {
                return;
            }
            if (queue.Renew(lease) is not var (renewed, cancelRequested))
            {
                logger.LogWarning("Job {Job}: this worker lost its lease; another worker runs it", job.Id);
                job.Lose();
                board.Release(job);
                return;
            }
            job.Hold(renewed);
            if (cancelRequested && !job.Cancellation.IsCancellationRequested)
            {
                job.Stop(job.StoppedBy);
            }
        }
    }
}
