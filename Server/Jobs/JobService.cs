using System.Runtime.CompilerServices;
using System.Threading.Channels;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Translation.Reflection;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Refusals;
using DreamOmni2.Server.Storage;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Jobs;

/// <summary>
/// The job queue: jobs are recorded, queued fairly across owners and handed to the worker; they live here, not in a
/// circuit, so closing the browser or losing the connection never loses one. Every method takes the caller's owner
/// id and acts only on that owner's jobs.
/// </summary>
/// <remarks>
/// An instruction is translated as soon as its job is queued, beside the worker rather than in it: the worker only
/// takes jobs whose prompt is ready, so a slow VLM holds up its own job and nobody else's.
/// </remarks>
public sealed class JobService
{
    private const int HistoryLimit = 500;

    private readonly Lock _gate = new();
    private readonly FairJobQueue _queue;
    private readonly Dictionary<string, LiveJob> _live = new(StringComparer.Ordinal);
    private readonly Channel<bool> _ready = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _translations;
    private readonly JobRepository _jobs;
    private readonly JobDeletion _deletion;
    private readonly SubmissionReader _reader;
    private readonly PromptTranslator _translator;
    private readonly SubmitRateLimit _rateLimit;
    private readonly JobMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger<JobService> _logger;

    public JobService(
        JobRepository jobs, JobDeletion deletion, SubmissionReader reader, PromptTranslator translator, SubmitRateLimit rateLimit,
        JobMetrics metrics, IOptions<PlaygroundOptions> options, TimeProvider clock, ILogger<JobService> logger)
    {
        _jobs = jobs;
        _deletion = deletion;
        _reader = reader;
        _translator = translator;
        _rateLimit = rateLimit;
        _metrics = metrics;
        _clock = clock;
        _logger = logger;
        _queue = new FairJobQueue(options.Value.QueueCapacity, options.Value.MaxQueuedPerUser);
        _translations = new SemaphoreSlim(options.Value.ConcurrentTranslations);
        metrics.ObserveQueue(() => QueueDepth);
    }

    /// <summary>Jobs waiting for the worker, all owners together.</summary>
    public int QueueDepth
    {
        get { lock (_gate) { return _queue.Count; } }
    }

    /// <exception cref="InvalidRequestException">The request cannot run as asked.</exception>
    /// <exception cref="RefusalException">The queue or the submitter's share of it is full, or they submit too fast.</exception>
    public JobRecord Submit(string owner, JobSubmission? submission)
    {
        var spec = _reader.Read(owner, submission);
        _rateLimit.Acquire(owner, 1);
        return Enqueue(owner, [spec])[0];
    }

    /// <summary>
    /// The same request under each of the four encoding schemes, with one seed and one prompt: an unlocked prompt is
    /// translated once here and locked, so only the scheme differs.
    /// </summary>
    public async Task<IReadOnlyList<JobRecord>> SubmitAblationAsync(string owner, JobSubmission? submission, CancellationToken ct)
    {
        string group = JobRecord.NewId();
        var spec = _reader.Read(owner, submission, group);
        _rateLimit.Acquire(owner, EncodingScheme.All.Count);
        var settings = spec.Settings;
        if (settings.LockedPrompt is null)
        {
            var translation = await _translator.TranslateAsync(settings.Mode, spec.Images.Select(i => i.Hash).ToList(), settings.Instruction, ct);
            settings = settings with { LockedPrompt = translation.Prompt };
        }
        return Enqueue(owner, EncodingScheme.All.Select(s => spec with { Settings = settings with { Scheme = s } }).ToList());
    }

    /// <summary>
    /// Queues the next round of a "check and retry" chain: the same request with the prompt the VLM's critique revised
    /// and the same seed, or, where the critique cannot be given to the model, the same prompt and the next seed.
    /// </summary>
    public JobRecord SubmitNextRound(JobRecord round, NextRound plan)
    {
        var reflection = round.Spec.Reflection ?? throw new ArgumentException($"job {round.Id} is not a round of check and retry", nameof(round));
        var settings = round.Spec.Settings;
        var next = round.Spec with
        {
            Settings = settings with { LockedPrompt = plan.Prompt, Seed = plan.NewSeed ? unchecked(settings.Seed + 1) : settings.Seed },
            Reflection = reflection with { Round = reflection.Round + 1 },
        };
        return Enqueue(round.Owner, [next])[0];
    }

    /// <summary>Stops a running job. False when it is not running (a queued one is removed instead).</summary>
    public bool Cancel(string owner, string? id)
    {
        lock (_gate)
        {
            if (id is null || !_live.TryGetValue(id, out var job) || job.Owner != owner || job.Record.State != JobState.Running)
            {
                return false;
            }
            job.Cancellation.Cancel();
            return true;
        }
    }

    /// <summary>Takes a queued job out of the queue. False when it is not queued (a running one is cancelled instead).</summary>
    public bool Remove(string owner, string? id)
    {
        LiveJob? job;
        lock (_gate)
        {
            if (id is null || !_queue.Remove(owner, id) || !_live.Remove(id, out job))
            {
                return false;
            }
        }
        job.Cancellation.Cancel();
        Finish(job, job.Record with { State = JobState.Removed, Outcome = job.Record.Outcome with { Finished = _clock.GetUtcNow() } });
        SignalQueued();
        return true;
    }

    /// <summary>Deletes a finished job from the history, and its result files when nothing else uses them.</summary>
    public bool Delete(string owner, string? id)
    {
        if (id is null)
        {
            return false;
        }
        lock (_gate)
        {
            if (_live.ContainsKey(id))
            {
                return false;
            }
        }
        return _deletion.Delete(owner, id);
    }

    public JobRecord? Find(string owner, string? id)
    {
        if (id is null)
        {
            return null;
        }
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
    public async IAsyncEnumerable<JobSnapshot> WatchAsync(string owner, string? id, [EnumeratorCancellation] CancellationToken ct)
    {
        if (id is null)
        {
            yield break;
        }
        LiveJob? live;
        lock (_gate)
        {
            _live.TryGetValue(id, out live);
        }
        if (live is null || live.Owner != owner)
        {
            if (_jobs.Find(owner, id) is { } stored)
            {
                int steps = stored.Spec.Settings.Steps;
                yield return new JobSnapshot(stored, null, stored.State == JobState.Completed ? steps : 0, steps, null, null);
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

    /// <summary>Waits for the next job in fair order whose prompt is ready, and marks it running. For the worker.</summary>
    public async Task<LiveJob> NextAsync(CancellationToken ct)
    {
        while (true)
        {
            LiveJob? job = null;
            lock (_gate)
            {
                if (_queue.TryDequeue(id => _live[id].PromptReady, out string id))
                {
                    job = _live[id];
                }
            }
            if (job is not null)
            {
                var started = _clock.GetUtcNow();
                _metrics.Waited(started - job.Record.Created);
                Update(job, job.Record with { State = JobState.Running, Outcome = job.Record.Outcome with { Started = started } });
                SignalQueued();
                return job;
            }
            await _ready.Reader.ReadAsync(ct);
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
        _metrics.Finished(record.State);
    }

    /// <summary>
    /// Puts back in the queue what a stopped server left unfinished: a running job starts over; a job whose result was
    /// being checked keeps its result, unchecked. Called once at start, before the worker takes jobs.
    /// </summary>
    public void Recover()
    {
        foreach (var stored in _jobs.ListUnfinished())
        {
            if (stored.State == JobState.Checking)
            {
                _jobs.Update(stored with
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
            _jobs.Update(record);
            Prepare(Admit(record));
        }
    }

    private List<JobRecord> Enqueue(string owner, IReadOnlyList<JobSpec> specs)
    {
        var now = _clock.GetUtcNow();
        var records = specs.Select(spec => new JobRecord(JobRecord.NewId(), owner, now, JobState.Queued, spec, JobOutcome.None)).ToList();
        var admitted = new List<LiveJob>(records.Count);
        lock (_gate)
        {
            if (_queue.JobsOf(owner) + records.Count > _queue.PerOwnerCapacity)
            {
                throw RefusalException.TooMany(
                    $"you already have {_queue.JobsOf(owner)} jobs waiting, and one person may queue {_queue.PerOwnerCapacity}" +
                    (records.Count > 1 ? $" (this request adds {records.Count})" : "") + " — wait for one to finish or remove one");
            }
            if (!_queue.HasRoomFor(owner, records.Count))
            {
                throw RefusalException.TooMany("the server's queue is full — try again in a minute", TimeSpan.FromSeconds(60));
            }
            foreach (var record in records)
            {
                _jobs.Insert(record);
                admitted.Add(Admit(record));
            }
        }
        admitted.ForEach(Prepare);
        SignalQueued();
        return records;
    }

    private LiveJob Admit(JobRecord record)
    {
        var job = new LiveJob(record);
        lock (_gate)
        {
            _live[job.Id] = job;
            _queue.Enqueue(job.Owner, job.Id);
        }
        return job;
    }

    /// <summary>Wakes the worker for a job that can run; one without a prompt yet gets it translated first, beside the worker.</summary>
    private void Prepare(LiveJob job)
    {
        if (job.PromptReady)
        {
            _ready.Writer.TryWrite(true);
        }
        else
        {
            _ = Task.Run(() => TranslateAsync(job));
        }
    }

    private async Task TranslateAsync(LiveJob job)
    {
        var ct = job.Cancellation.Token;
        try
        {
            await _translations.WaitAsync(ct);
            try
            {
                var spec = job.Record.Spec;
                var translation = await _translator.TranslateAsync(spec.Settings.Mode, spec.Images.Select(i => i.Hash).ToList(), spec.Settings.Instruction, ct);
                Update(job, job.Record with
                {
                    Outcome = job.Record.Outcome with
                    {
                        Prompt = translation.Prompt,
                        Translator = translation.TranslatorName,
                        TranslationMilliseconds = translation.Elapsed.TotalMilliseconds,
                        TranslationWarnings = translation.Warnings,
                        TranslationFellBack = translation.FellBack,
                    },
                });
            }
            finally
            {
                _translations.Release();
            }
            _ready.Writer.TryWrite(true);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Removed from the queue while it waited for its translation.
        }
        catch (Exception e)
        {
            _logger.LogWarning("Job {Job}: the instruction could not be translated: {Reason}", job.Id, e.Message);
            lock (_gate)
            {
                _queue.Remove(job.Owner, job.Id);
            }
            Finish(job, job.Record with
            {
                State = JobState.Failed,
                Outcome = job.Record.Outcome with { Error = JobErrors.From(e), Finished = _clock.GetUtcNow() },
            });
            SignalQueued();
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
