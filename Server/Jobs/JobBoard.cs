using System.Threading.Channels;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Configuration;
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
    private readonly JobMetrics _metrics;

    public JobBoard(JobRepository jobs, JobMetrics metrics, IOptions<PlaygroundOptions> options)
    {
        _jobs = jobs;
        _metrics = metrics;
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
            var admitted = new List<LiveJob>(records.Count);
            foreach (var record in records)
            {
                _jobs.Insert(record);
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

    /// <summary>The job's state now, with its place in the queue while it waits.</summary>
    public JobSnapshot SnapshotOf(LiveJob job)
    {
        int? position;
        lock (_gate)
        {
            position = _queue.Positions().TryGetValue(job.Id, out int p) ? p : null;
        }
        return job.Snapshot(position);
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
