using DreamOmni2.Contracts;
using DreamOmni2.Server.Storage;
using DreamOmni2.Translation.Reflection;

namespace DreamOmni2.Server.Jobs;

/// <summary>The worker's side of the queue: it hands out the next job that can run, and puts back what a stopped server left.</summary>
public sealed class JobDispatcher(JobBoard board, JobTranslation translation, JobRepository jobs, JobMetrics metrics, TimeProvider clock) : IJobSource
{
    /// <summary>Waits for the next job in fair order whose prompt is ready, and marks it running.</summary>
    public async Task<LiveJob> NextAsync(CancellationToken ct)
    {
        while (true)
        {
            if (board.TakeReady() is { } job)
            {
                var started = clock.GetUtcNow();
                metrics.Waited(started - job.Record.Created);
                board.Update(job, job.Record with { State = JobState.Running, Outcome = job.Record.Outcome with { Started = started } });
                board.SignalQueued();
                return job;
            }
            await board.WaitForReadyAsync(ct);
        }
    }

    /// <summary>
    /// Puts back in the queue what a stopped server left unfinished: a running job starts over; a job whose result was
    /// being checked keeps its result, unchecked. Called once at start, before the worker takes jobs.
    /// </summary>
    public void Recover()
    {
        foreach (var stored in jobs.ListUnfinished())
        {
            if (stored.State == JobState.Checking)
            {
                jobs.Update(stored with
                {
                    State = JobState.Completed,
                    Outcome = stored.Outcome with
                    {
                        Check = new ResultCheck(ReflectionVerdict.Unknown, "", "the server restarted before the check finished: the result is kept unchecked", null),
                    },
                });
                continue;
            }
            var record = stored with { State = JobState.Queued, Outcome = stored.Outcome with { Started = null } };
            jobs.Update(record);
            translation.Prepare(board.Enqueue(record));
        }
    }
}
