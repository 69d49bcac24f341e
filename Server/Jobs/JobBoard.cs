using System.Threading.Channels;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Jobs.Shared;
using DreamOmni2.Server.Refusals;
using DreamOmni2.Server.Storage;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Jobs;

/// <summary>
/// The jobs in memory, shared by clients, the translation stage and the worker: the fair queue, the queued and
/// running jobs, and the signal that wakes the worker when a job can run. One lock guards them all. Jobs live here,
/// not in a circuit, so closing the browser or losing the connection never loses one.
/// </summary>
public sealed class JobBoard
{
    private readonly Lock _gate = new();
    private readonly FairJobQueue _queue;
    private readonly Dictionary<string, LiveJob> _live = new(StringComparer.Ordinal);
    private readonly Channel<bool> _ready = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly JobRepository _jobs;
    private readonly SharedJobQueue _shared;
    private readonly IJobEvents _events;
    private readonly JobMetrics _metrics;
    private readonly bool _sharedQueue;
    private PositionsRead _sharedPositions = new(DateTimeOffset.MinValue, new Dictionary<string, int>());

    public JobBoard(JobRepository jobs, SharedJobQueue shared, IJobEvents events, JobMetrics metrics, IOptions<PlaygroundOptions> options)
    {
        _jobs = jobs;
        _shared = shared;
        _events = events;
        _metrics = metrics;
        _sharedQueue = options.Value.SharedQueue;
        _queue = new FairJobQueue(options.Value.QueueCapacity, options.Value.MaxQueuedPerUser);
        metrics.ObserveQueue(() => QueueDepth);
    }

    /// <summary>Jobs waiting for the worker, all owners together.</summary>
    public int QueueDepth
    {
        get { lock (_gate) { return _queue.Count; } }
    }

    /// <summary>Jobs waiting and jobs the worker has (running, or checking a result), all owners together, read at one moment.</summary>
    public (int Queued, int Running) Counts()
    {
        lock (_gate)
        {
            return (_queue.Count, _live.Values.Count(j => j.Record.State is JobState.Running or JobState.Checking));
        }
    }

    /// <summary>A queued or running job, whoever owns it: callers check the owner.</summary>
    public LiveJob? Find(string id)
    {
        lock (_gate)
        {
            return _live.GetValueOrDefault(id);
        }
    }

    /// <summary>Records and queues new jobs of one owner, all or none.</summary>
    /// <exception cref="RefusalException">The queue or the owner's share of it has no room for them all.</exception>
    public IReadOnlyList<LiveJob> Admit(string owner, IReadOnlyList<JobRecord> records)
    {
        lock (_gate)
        {
            // With a shared queue the bounds count every front end's jobs, as the store holds them. The lock stays held
            // from the count to the job's copy here, so news of the job from a worker cannot arrive before that copy.
            var (mine, all) = _sharedQueue ? _shared.QueuedCounts(owner) : (_queue.JobsOf(owner), _queue.Count);
            if (mine + records.Count > _queue.PerOwnerCapacity)
            {
                throw RefusalException.TooMany(
                    $"you already have {mine} jobs waiting, and one person may queue {_queue.PerOwnerCapacity}" +
                    (records.Count > 1 ? $" (this request adds {records.Count})" : "") + " — wait for one to finish or remove one");
            }
            if (!_queue.HasRoomFor(mine, all, records.Count))
            {
                throw RefusalException.TooMany("the server's queue is full — try again in a minute", TimeSpan.FromSeconds(60));
            }
            var admitted = new List<LiveJob>(records.Count);
            foreach (var record in records)
            {
                // The store knows the job is being translated here, so another process takes it over only if this one stops.
                _jobs.Insert(record, _sharedQueue && !record.PromptReady ? _shared.LeaseFromNow() : null);
                admitted.Add(Enqueue(record));
            }
            return admitted;
        }
    }

    /// <summary>
    /// Puts a recorded job in memory and in the queue, without checking the queue's limits: the last step of
    /// <see cref="Admit"/>, and how a job a stopped server left unfinished comes back.
    /// </summary>
    public LiveJob Enqueue(JobRecord record)
    {
        var job = new LiveJob(record);
        lock (_gate)
        {
            _live[job.Id] = job;
            _queue.Enqueue(job.Owner, job.Id);
        }
        return job;
    }

    /// <summary>Takes the next job in fair order whose prompt is ready, if any.</summary>
    public LiveJob? TakeReady()
    {
        lock (_gate)
        {
            return _queue.TryDequeue(id => _live[id].PromptReady, out string id) ? _live[id] : null;
        }
    }

    /// <summary>Waits until a job may have become ready to run.</summary>
    public ValueTask<bool> WaitForReadyAsync(CancellationToken ct) => _ready.Reader.ReadAsync(ct);

    /// <summary>Wakes the worker: a job may be ready to run.</summary>
    public void SignalReady() => _ready.Writer.TryWrite(true);

    /// <summary>Takes an owner's queued job out of the queue and out of memory; null when it is not queued.</summary>
    public LiveJob? RemoveQueued(string owner, string id)
    {
        lock (_gate)
        {
            return _queue.Remove(owner, id) && _live.Remove(id, out var job) ? job : null;
        }
    }

    /// <summary>Takes a job out of the queue that can no longer run; <see cref="Finish"/> then forgets it.</summary>
    public void Withdraw(LiveJob job)
    {
        lock (_gate)
        {
            _queue.Remove(job.Owner, job.Id);
        }
    }

    /// <summary>Every queued and running job in memory with its place in the queue (null while it runs).</summary>
    public IReadOnlyList<(LiveJob Job, int? Position)> Overview()
    {
        lock (_gate)
        {
            var positions = _queue.Positions();
            return [.. _live.Values.Select(job => (Job: job, Position: positions.TryGetValue(job.Id, out int p) ? p : (int?)null))];
        }
    }

    /// <summary>The job's state now, with its place in the queue while it waits.</summary>
    public JobSnapshot SnapshotOf(LiveJob job)
    {
        int? position;
        if (_sharedQueue)
        {
            position = job.Record.State == JobState.Queued && SharedPositions().TryGetValue(job.Id, out int shared) ? shared : null;
            return job.Snapshot(position);
        }
        lock (_gate)
        {
            position = _queue.Positions().TryGetValue(job.Id, out int p) ? p : null;
        }
        return job.Snapshot(position);
    }

    /// <summary>
    /// Stores a job's new record, tells its viewers and the other processes. A job this process holds under a lease
    /// from the shared queue is written under that lease: if it was lost, nothing is written and the job is stopped.
    /// </summary>
    public void Update(LiveJob job, JobRecord record)
    {
        if (job.Lease is { } lease)
        {
            if (!_shared.Update(lease, record))
            {
                job.Lose();
                return;
            }
        }
        else
        {
            _jobs.Update(record);
        }
        job.SetRecord(record);
        _events.Changed(job);
    }

    /// <summary>
    /// Stores a queued job's translated prompt, so a worker may take it. With a shared queue, only while the job still
    /// waits for its prompt in the store: false when another process translated or removed it first, and nothing changes.
    /// </summary>
    public bool StorePrompt(LiveJob job, JobRecord translated)
    {
        if (!_sharedQueue)
        {
            Update(job, translated);
            return true;
        }
        if (!_shared.StorePrompt(translated))
        {
            return false;
        }
        job.SetRecord(translated);
        _events.Changed(job);
        return true;
    }

    /// <summary>Ends a job that never ran (its instruction could not be translated), unless, with a shared queue, a worker took it meanwhile.</summary>
    public void EndQueued(LiveJob job, JobRecord ended)
    {
        if (_sharedQueue)
        {
            RemoveShared(ended);
            return;
        }
        Withdraw(job);
        Finish(job, ended);
    }

    /// <summary>A running job's progress and newest preview: its viewers and the other processes are told.</summary>
    public void Progress(LiveJob job, int step, int steps, double? secondsLeft, PreviewFrame? preview)
    {
        job.SetProgress(step, steps, secondsLeft, preview);
        _events.Changed(job);
    }

    /// <summary>
    /// A job this process claimed from the shared queue, to run under <paramref name="lease"/>: the one already here
    /// (submitted through this process) or a new one.
    /// </summary>
    public LiveJob Hold(JobRecord record, JobLease lease)
    {
        lock (_gate)
        {
            _queue.Remove(record.Owner, record.Id);
            var job = LiveJobOf(record);
            job.Hold(lease);
            job.SetRecord(record);
            return job;
        }
    }

    /// <summary>The live copy of a job another process runs, for this process's viewers; null when it has finished.</summary>
    public LiveJob? Mirror(JobRecord record)
    {
        if (record.State.IsFinished())
        {
            return null;
        }
        lock (_gate)
        {
            return LiveJobOf(record);
        }
    }

    /// <summary>The job in memory, added from its record if it is not there yet. Callers hold the lock.</summary>
    private LiveJob LiveJobOf(JobRecord record)
    {
        if (!_live.TryGetValue(record.Id, out var job))
        {
            job = new LiveJob(record);
            _live[job.Id] = job;
        }
        return job;
    }

    /// <summary>What another process said of a job: applied to this process's copy, if it has one, which is forgotten once the job ends.</summary>
    public void Apply(JobEvent change)
    {
        LiveJob? job;
        lock (_gate)
        {
            if (!_live.TryGetValue(change.Record.Id, out job) || job.Lease is not null)
            {
                return;
            }
            if (change.Record.State != JobState.Queued)
            {
                _queue.Remove(job.Owner, job.Id);
            }
            if (change.Record.State.IsFinished())
            {
                _live.Remove(job.Id);
            }
        }
        var preview = change.PreviewJpeg is { } jpeg ? new PreviewFrame(change.PreviewStep, jpeg, change.PreviewEndedUnixMilliseconds) : null;
        job.SetProgress(change.Step, change.Steps, change.SecondsLeft, preview);
        job.SetRecord(change.Record);
    }

    /// <summary>
    /// The jobs in memory this process does not run: with a shared queue, copies of jobs that wait in the store or run
    /// in another process, whose news arrives from elsewhere.
    /// </summary>
    public IReadOnlyList<LiveJob> Mirrors()
    {
        lock (_gate)
        {
            return [.. _live.Values.Where(job => job.Lease is null)];
        }
    }

    /// <summary>Takes a queued job out of the shared queue, if no worker has claimed it yet; false when one has.</summary>
    public bool RemoveShared(JobRecord removed)
    {
        if (!_shared.RemoveQueued(removed))
        {
            return false;
        }
        LiveJob? job;
        lock (_gate)
        {
            _queue.Remove(removed.Owner, removed.Id);
            _live.Remove(removed.Id, out job);
        }
        if (job is not null)
        {
            job.Stop(removed.Outcome.StoppedBy);
            job.SetRecord(removed);
            _events.Changed(job);
        }
        _metrics.Finished(removed.State);
        return true;
    }

    private IReadOnlyDictionary<string, int> SharedPositions()
    {
        // Many viewers ask at once; the store is asked at most a few times a second.
        var cached = _sharedPositions;
        if (DateTimeOffset.UtcNow - cached.At < TimeSpan.FromMilliseconds(250))
        {
            return cached.Positions;
        }
        var positions = _shared.Positions();
        _sharedPositions = new PositionsRead(DateTimeOffset.UtcNow, positions);
        return positions;
    }

    /// <summary>Queue positions read from the store, and when: one reference, so viewers on other threads never see half of one.</summary>
    private sealed record PositionsRead(DateTimeOffset At, IReadOnlyDictionary<string, int> Positions);

    /// <summary>Stores a job's final record, tells its viewers and forgets it.</summary>
    public void Finish(LiveJob job, JobRecord record)
    {
        // Stored before it leaves memory: a viewer arriving in between must find the final record in the store.
        Update(job, record);
        lock (_gate)
        {
            _live.Remove(job.Id);
        }
        _metrics.Finished(record.State);
    }

    /// <summary>Forgets a job this process held but lost to another worker (its lease expired): that one finishes it.</summary>
    public void Release(LiveJob job)
    {
        lock (_gate)
        {
            _live.Remove(job.Id);
        }
    }

    /// <summary>Queue positions moved: every queued job's viewers are told.</summary>
    public void SignalQueued()
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
