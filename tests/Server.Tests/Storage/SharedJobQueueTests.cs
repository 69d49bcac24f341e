using DreamOmni2.Contracts;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Storage;
using DreamOmni2.TestSupport;

namespace DreamOmni2.Server.Tests.Storage;

/// <summary>The queue several workers share, on both stores: fair order, leases, fencing, cancel and remove.</summary>
public sealed class SharedJobQueueTests : IDisposable
{
    private readonly StoreFixture _store = new();

    [Theory, StoreKinds]
    public void Jobs_are_claimed_round_robin_across_owners_and_a_job_without_its_prompt_waits(string store)
    {
        var (jobs, queue, _) = Open(store);
        var ann = Enumerable.Range(1, 3).Select(i => _store.Job("ann", $"ann {i}", minutesAgo: 10 - i)).ToList();
        var bob = _store.Job("bob", "bob 1", minutesAgo: 5);
        var cat = _store.Job("cat", "cat 1", minutesAgo: 4);
        var untranslated = _store.Job("dan", "dan 1", minutesAgo: 20, ready: false);
        foreach (var job in ann.Append(bob).Append(cat).Append(untranslated))
        {
            jobs.Insert(job);
        }
        string[] expected = [ann[0].Id, bob.Id, cat.Id, ann[1].Id, ann[2].Id];

        var positions = queue.Positions();
        var claimed = new List<string>();
        while (queue.Claim("w1", "tiny") is var (lease, job))
        {
            claimed.Add(job.Id);
            Assert.Equal(JobState.Running, job.State);
            Assert.True(queue.Update(lease, job with { State = JobState.Completed }));
            _store.Clock.Advance(TimeSpan.FromMilliseconds(5));
        }

        Assert.Equal(expected, claimed);
        Assert.Equal(6, positions.Count);
        Assert.Equal(JobState.Queued, jobs.FindById(untranslated.Id)!.State);
    }

    [Theory, StoreKinds]
    public void A_worker_takes_only_jobs_of_its_own_pack_and_reports_in(string store)
    {
        var (jobs, queue, database) = Open(store);
        var other = _store.Job("ann", "for the other pack", minutesAgo: 2, pack: "real");
        var mine = _store.Job("bob", "for the tiny pack", minutesAgo: 1, pack: "tiny");
        jobs.Insert(other);
        jobs.Insert(mine);
        var workers = new WorkerRegistry(database, _store.Clock);

        Assert.Equal(mine.Id, queue.Claim("w1", "tiny")!.Value.Job.Id);
        Assert.Null(queue.Claim("w1", "tiny"));
        Assert.Equal(other.Id, queue.Claim("w2", "real")!.Value.Job.Id);
        workers.Report("w1", "tiny", "CPU");
        _store.Clock.Advance(TimeSpan.FromMinutes(5));
        workers.Report("w2", "real", "CUDA (GPU 0)");
        workers.Report("w2", "real", "CUDA (GPU 0)");
        Assert.Equal([("w2", "real", "CUDA (GPU 0)")], workers.Seen(TimeSpan.FromMinutes(1)).Select(w => (w.Id, w.Pack, w.Provider)));
        Assert.Equal(2, workers.Seen(TimeSpan.FromMinutes(10)).Count);
    }

    [Theory, StoreKinds]
    public void A_job_whose_worker_stops_renewing_is_queued_again_and_the_old_claim_can_write_nothing(string store)
    {
        var (jobs, queue, _) = Open(store);
        var job = _store.Job("ann", "a circle");
        jobs.Insert(job);
        var (first, _) = queue.Claim("w1", "tiny")!.Value;
        Assert.NotNull(queue.Renew(first));

        _store.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal([job.Id], queue.RequeueExpired());
        var (second, running) = queue.Claim("w2", "tiny")!.Value;

        Assert.Equal(first.Attempt + 1, second.Attempt);
        Assert.Null(queue.Renew(first));
        Assert.False(queue.Update(first, running with { State = JobState.Completed }));
        Assert.True(queue.Update(second, running with { State = JobState.Completed, Outcome = running.Outcome with { Prompt = "by w2" } }));
        Assert.Equal("by w2", jobs.FindById(job.Id)!.Outcome.Prompt);
        Assert.Empty(queue.RequeueExpired());
    }

    [Theory, StoreKinds]
    public void A_cancel_reaches_the_holder_at_its_next_renewal_and_only_a_queued_job_can_be_removed(string store)
    {
        var (jobs, queue, _) = Open(store);
        var running = _store.Job("ann", "a circle", minutesAgo: 2);
        var waiting = _store.Job("ann", "a square", minutesAgo: 1);
        jobs.Insert(running);
        jobs.Insert(waiting);
        var (lease, claimed) = queue.Claim("w1", "tiny")!.Value;

        Assert.False(queue.Renew(lease)!.Value.CancelRequested);
        Assert.True(queue.RequestCancel(running.Id));
        Assert.True(queue.Renew(lease)!.Value.CancelRequested);
        Assert.False(queue.RemoveQueued(claimed with { State = JobState.Removed }));
        Assert.True(queue.RemoveQueued(waiting with { State = JobState.Removed }));
        Assert.Null(queue.Claim("w2", "tiny"));
        Assert.False(queue.RequestCancel(waiting.Id));
    }

    [Theory, StoreKinds]
    public async Task Workers_claiming_at_once_take_every_job_exactly_once(string store)
    {
        var (jobs, queue, _) = Open(store);
        var submitted = Enumerable.Range(0, 60).Select(i => _store.Job($"user{i % 5}", $"job {i}", minutesAgo: 60 - i)).ToList();
        foreach (var job in submitted)
        {
            jobs.Insert(job);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            var mine = new List<string>();
            while (queue.Claim($"w{w}", "tiny") is var (lease, job))
            {
                mine.Add(job.Id);
                Assert.True(queue.Update(lease, job with { State = JobState.Completed }));
            }
            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(submitted.Count, all.Count);
        Assert.Equal(submitted.Select(j => j.Id).Order(), all.Order());
    }

    [Theory, StoreKinds]
    public void A_translation_is_taken_over_only_when_its_lease_runs_out_and_a_late_prompt_cannot_requeue_a_running_job(string store)
    {
        var (jobs, queue, _) = Open(store);
        var job = _store.Job("ann", "a circle", ready: false);
        jobs.Insert(job, queue.LeaseFromNow());

        _store.Clock.Advance(TimeSpan.FromSeconds(20));
        queue.KeepTranslating([job.Id]);
        _store.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Null(queue.ClaimTranslation("tiny"));

        _store.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(job.Id, queue.ClaimTranslation("tiny")?.Id);
        Assert.Null(queue.ClaimTranslation("tiny"));
        var translated = job with { Outcome = job.Outcome with { Prompt = "a circle" } };
        Assert.True(queue.StorePrompt(translated));
        Assert.Equal(job.Id, queue.Claim("w1", "tiny")?.Job.Id);

        Assert.False(queue.StorePrompt(translated with { Outcome = job.Outcome with { Prompt = "late" } }));
        var stored = jobs.FindById(job.Id)!;
        Assert.Equal(JobState.Running, stored.State);
        Assert.Equal("a circle", stored.Outcome.Prompt);
    }

    private (JobRepository Jobs, SharedJobQueue Queue, PlaygroundDatabase Database) Open(string store)
    {
        var database = _store.Open(store);
        var jobs = new JobRepository(database);
        return (jobs, new SharedJobQueue(database, jobs, _store.Clock, TimeSpan.FromSeconds(30)), database);
    }

    public void Dispose() => _store.Dispose();
}
