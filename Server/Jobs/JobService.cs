using System.Runtime.CompilerServices;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Translation.Reflection;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Storage;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Jobs;

/// <summary>
/// The job queue: jobs are recorded, queued fairly across owners and handed to the worker; they live here, not in a
/// circuit, so closing the browser or losing the connection never loses one. Every method takes the caller's owner
/// id and acts only on that owner's jobs.
/// </summary>
public sealed class JobService
{
    private const int HistoryLimit = 500;

    private readonly Lock _gate = new();
    private readonly FairJobQueue _queue;
    private readonly Dictionary<string, LiveJob> _live = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _waiting = new(0);
    private readonly JobRepository _jobs;
    private readonly JobDeletion _deletion;
    private readonly SubmissionReader _reader;
    private readonly PromptTranslator _translator;
    private readonly TimeProvider _clock;

    public JobService(
        JobRepository jobs, JobDeletion deletion, SubmissionReader reader, PromptTranslator translator, IOptions<PlaygroundOptions> options, TimeProvider clock)
    {
        _jobs = jobs;
        _deletion = deletion;
        _reader = reader;
        _translator = translator;
        _clock = clock;
        _queue = new FairJobQueue(options.Value.QueueCapacity, options.Value.MaxQueuedPerUser);
        Recover();
    }

    public JobRecord Submit(string owner, JobSubmission submission) =>
        Enqueue(owner, [_reader.Read(owner, submission)])[0];

    /// <summary>
    /// The same request under each of the four encoding schemes, with one seed and one prompt: an unlocked prompt is
    /// translated once here and locked, and a random seed is drawn once, so only the scheme differs.
    /// </summary>
    public async Task<IReadOnlyList<JobRecord>> SubmitAblationAsync(string owner, JobSubmission submission, CancellationToken ct)
    {
        string group = JobRecord.NewId();
        var spec = _reader.Read(owner, submission, group);
        string? prompt = spec.LockedPrompt;
        if (prompt is null)
        {
            var translation = await _translator.TranslateAsync(spec.Mode, spec.Images.Select(i => i.Hash).ToList(), spec.Instruction, ct);
            prompt = translation.Prompt;
        }
        spec = spec with { LockedPrompt = prompt, Seed = spec.Seed ?? (ulong)Random.Shared.NextInt64(0, 1L << 32) };
        return Enqueue(owner, EncodingScheme.All.Select(s => spec with { IndexEncoding = s.Index, PositionShift = s.Shift }).ToList());
    }

    /// <summary>
    /// Queues the next round of a "check and retry" chain: the same request with the prompt the VLM's critique revised
    /// and the same seed, or, where the critique cannot be given to the model, the same prompt and the next seed.
    /// </summary>
    public JobRecord SubmitNextRound(JobRecord round, NextRound plan)
    {
        var reflection = round.Spec.Reflection ?? throw new ArgumentException($"job {round.Id} is not a round of check and retry", nameof(round));
        var seed = round.Outcome.Seed ?? round.Spec.Seed;
        var next = round.Spec with
        {
            LockedPrompt = plan.Prompt,
            Seed = plan.NewSeed ? unchecked(seed + 1) : seed,
            Reflection = reflection with { Round = reflection.Round + 1 },
        };
        return Enqueue(round.Owner, [next])[0];
    }

    /// <summary>Stops a running job. False when it is not running (a queued one is removed instead).</summary>
    public bool Cancel(string owner, string id)
    {
        lock (_gate)
        {
            if (!_live.TryGetValue(id, out var job) || job.Owner != owner || job.Record.State != JobState.Running)
            {
                return false;
            }
            job.Cancellation.Cancel();
            return true;
        }
    }

    /// <summary>Takes a queued job out of the queue. False when it is not queued (a running one is cancelled instead).</summary>
    public bool Remove(string owner, string id)
    {
        LiveJob? job;
        lock (_gate)
        {
            if (!_queue.Remove(owner, id) || !_live.Remove(id, out job))
            {
                return false;
            }
        }
        Finish(job, job.Record with { State = JobState.Removed, Outcome = job.Record.Outcome with { Finished = _clock.GetUtcNow() } });
        SignalQueued();
        return true;
    }

    /// <summary>Deletes a finished job from the history, and its result files when nothing else uses them.</summary>
    public bool Delete(string owner, string id)
    {
        lock (_gate)
        {
            if (_live.ContainsKey(id))
            {
                return false;
            }
        }
        return _deletion.Delete(owner, id);
    }

    public JobRecord? Find(string owner, string id)
    {
        lock (_gate)
        {
            if (_live.TryGetValue(id, out var job))
            {
                return job.Owner == owner ? job.Record : null;
            }
        }
        return _jobs.Find(owner, id);
    }

    public IReadOnlyList<JobRecord> History(string owner) => _jobs.List(owner, HistoryLimit);

    public IReadOnlyList<JobRecord> Ablation(string owner, string group) => _jobs.ListGroup(owner, group);

    public IReadOnlyList<JobRecord> Chain(string owner, string chain) => _jobs.ListChain(owner, chain);

    public PreviewFrame? LatestPreview(string owner, string id)
    {
        lock (_gate)
        {
            return _live.TryGetValue(id, out var job) && job.Owner == owner ? job.Preview : null;
        }
    }

    /// <summary>
    /// The job's state now and after every change until it finishes, skipping states the caller was too slow to see.
    /// Ends at once, with one snapshot, for a finished job; yields nothing for someone else's or an unknown one.
    /// </summary>
    public async IAsyncEnumerable<JobSnapshot> WatchAsync(string owner, string id, [EnumeratorCancellation] CancellationToken ct)
    {
        LiveJob? live;
        lock (_gate)
        {
            _live.TryGetValue(id, out live);
        }
        if (live is null || live.Owner != owner)
        {
            if (_jobs.Find(owner, id) is { } stored)
            {
                yield return new JobSnapshot(stored, null, stored.State == JobState.Completed ? stored.Spec.Steps : 0, stored.Spec.Steps, null, null);
            }
            yield break;
        }

        var signal = live.Watch();
        try
        {
            while (true)
            {
                var snapshot = SnapshotOf(live);
                yield return snapshot;
                if (snapshot.State.IsFinished())
                {
                    yield break;
                }
                await signal.ReadAsync(ct);
            }
        }
        finally
        {
            live.Unwatch(signal);
        }
    }

    /// <summary>Waits for the next job in fair order and marks it running. For the worker.</summary>
    public async Task<LiveJob> NextAsync(CancellationToken ct)
    {
        while (true)
        {
            await _waiting.WaitAsync(ct);
            LiveJob? job = null;
            lock (_gate)
            {
                if (_queue.TryDequeue(out string id))
                {
                    job = _live[id];
                }
            }
            if (job is not null)
            {
                Update(job, job.Record with { State = JobState.Running, Outcome = job.Record.Outcome with { Started = _clock.GetUtcNow() } });
                SignalQueued();
                return job;
            }
        }
    }

    /// <summary>Stores a job's new record and tells its viewers.</summary>
    public void Update(LiveJob job, JobRecord record)
    {
        _jobs.Update(record);
        job.SetRecord(record);
    }

    /// <summary>Stores a job's final record, tells its viewers and forgets it.</summary>
    public void Finish(LiveJob job, JobRecord record)
    {
        lock (_gate)
        {
            _live.Remove(job.Id);
        }
        Update(job, record);
    }

    private IReadOnlyList<JobRecord> Enqueue(string owner, IReadOnlyList<JobSpec> specs)
    {
        var now = _clock.GetUtcNow();
        var records = specs.Select(spec => new JobRecord(JobRecord.NewId(), owner, now, JobState.Queued, spec, JobOutcome.None)).ToList();
        lock (_gate)
        {
            if (!_queue.HasRoomFor(owner, records.Count))
            {
                throw new JobRejectedException(new JobError(InputField.General,
                    $"the queue is full: {_queue.Count} jobs are waiting, {_queue.JobsOf(owner)} of them yours — wait for some to finish or remove one"));
            }
            foreach (var record in records)
            {
                _jobs.Insert(record);
                _live[record.Id] = new LiveJob(record);
                _queue.Enqueue(owner, record.Id);
            }
        }
        SignalQueued();
        _waiting.Release(records.Count);
        return records;
    }

    /// <summary>Puts back in the queue what a stopped server left queued or running; a running one starts over.</summary>
    private void Recover()
    {
        var unfinished = _jobs.ListUnfinished();
        foreach (var stored in unfinished)
        {
            var record = stored with { State = JobState.Queued, Outcome = stored.Outcome with { Started = null } };
            _jobs.Update(record);
            _live[record.Id] = new LiveJob(record);
            _queue.Enqueue(record.Owner, record.Id);
        }
        if (unfinished.Count > 0)
        {
            _waiting.Release(unfinished.Count);
        }
    }

    private JobSnapshot SnapshotOf(LiveJob job)
    {
        int? position;
        lock (_gate)
        {
            position = _queue.Positions().TryGetValue(job.Id, out int p) ? p : null;
        }
        return job.Snapshot(position);
    }

    /// <summary>Queue positions moved: every queued job's viewers are told.</summary>
    private void SignalQueued()
    {
        List<LiveJob> queued;
        lock (_gate)
        {
            queued = _live.Values.Where(j => j.Record.State == JobState.Queued).ToList();
        }
        foreach (var job in queued)
        {
            job.Signal();
        }
    }
}
