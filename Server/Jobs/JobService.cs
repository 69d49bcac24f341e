using System.Runtime.CompilerServices;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Jobs.Shared;
using DreamOmni2.Server.Refusals;
using DreamOmni2.Server.Storage;
using DreamOmni2.Translation;
using DreamOmni2.Translation.Reflection;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Jobs;

/// <summary>
/// What clients ask of the job queue: submit, cancel, remove, delete, find and watch. Every method takes the caller's
/// owner id and acts only on that owner's jobs. The worker's side is <see cref="JobDispatcher"/>.
/// </summary>
public sealed class JobService(
    JobBoard board, JobTranslation translation, JobRepository jobs, JobDeletion deletion, SubmissionReader reader,
    PromptTranslator translator, SubmitRateLimit rateLimit, SharedJobQueue sharedQueue, IJobEvents events,
    IOptions<PlaygroundOptions> options, TimeProvider clock)
{
    private readonly bool _shared = options.Value.SharedQueue;

    private const int HistoryLimit = 500;

    /// <summary>Jobs waiting for the worker, all owners together.</summary>
    public int QueueDepth => board.QueueDepth;

    /// <exception cref="InvalidRequestException">The request cannot run as asked.</exception>
    /// <exception cref="RefusalException">The queue or the submitter's share of it is full, or they submit too fast.</exception>
    public JobRecord Submit(string owner, JobSubmission? submission)
    {
        var spec = reader.Read(owner, submission);
        rateLimit.Acquire(owner, 1);
        return Enqueue(owner, [spec])[0];
    }

    /// <summary>
    /// The same request under each of the four encoding schemes, with one seed and one prompt: an unlocked prompt is
    /// translated once here for all four, so only the scheme differs, and a translation with problems is refused here
    /// unless the request says to run it as written.
    /// </summary>
    public async Task<IReadOnlyList<JobRecord>> SubmitAblationAsync(string owner, JobSubmission? submission, CancellationToken ct)
    {
        string group = JobRecord.NewId();
        var spec = reader.Read(owner, submission, group);
        rateLimit.Acquire(owner, EncodingScheme.All.Count);
        var settings = spec.Settings;
        var outcome = JobOutcome.None;
        if (settings.LockedPrompt is null)
        {
            // The one translation goes in each job's outcome, not its settings: the prompt was not locked by the person,
            // so a form filled from the grid must translate afresh when the instruction changes.
            var translated = await translator.TranslateAsync(settings.Mode, spec.Images.Select(i => i.Hash).ToList(), settings.Instruction, ct);
            TranslationGate.Check(translated, settings.RunAsWritten);
            outcome = outcome.With(translated);
        }
        return Enqueue(owner, EncodingScheme.All.Select(s => spec with { Settings = settings with { Scheme = s } }).ToList(), outcome);
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
    public bool Cancel(string owner, string? id) => Cancel(id, jobOwner => jobOwner == owner, admin: null);

    /// <summary>An admin stops anyone's running job; the owner's history records who did.</summary>
    public bool CancelAny(string admin, string? id) => Cancel(id, _ => true, admin);

    /// <summary>Takes a queued job out of the queue. False when it is not queued (a running one is cancelled instead).</summary>
    public bool Remove(string owner, string? id) => Remove(owner, id, stoppedBy: null);

    /// <summary>An admin takes anyone's queued job out of the queue; the owner's history records who did.</summary>
    public bool RemoveAny(string admin, string? id) =>
        id is not null && LiveRecord(id) is { } job && Remove(job.Owner, id, job.Owner == admin ? null : admin);

    /// <summary>
    /// Stops a whole ablation grid of the owner's: its queued cells leave the queue and its running ones are cancelled,
    /// each through the same path as a single job, so a worker in another process hears of it too. Returns how many
    /// cells it stopped (none when the grid had already ended).
    /// </summary>
    /// <exception cref="RefusalException">The owner has no grid of that id.</exception>
    public int CancelAblation(string owner, string? id) =>
        CellsOf(owner, id).Count(id => Remove(owner, id) || Cancel(owner, id));

    /// <summary>Takes the queued cells of the owner's ablation grid out of the queue; cells already running go on.</summary>
    /// <exception cref="RefusalException">The owner has no grid of that id.</exception>
    public int RemoveAblation(string owner, string? id) =>
        CellsOf(owner, id).Count(id => Remove(owner, id));

    /// <summary>The cells of the grid <paramref name="id"/> names: the grid's own id (its page's address) or one of its cells'.</summary>
    private List<string> CellsOf(string owner, string? id)
    {
        var cells = id is null ? []
            : jobs.ListGroup(owner, id) is { Count: > 0 } grid ? grid
            : Find(owner, id)?.Spec.AblationGroup is { } group ? jobs.ListGroup(owner, group)
            : [];
        return cells.Count > 0
            ? [.. cells.Select(cell => cell.Id)]
            : throw new RefusalException(StatusCodes.Status404NotFound, "no ablation grid of yours has that id — it may have been deleted; open History to find your grids");
    }

    /// <summary>Removes or cancels every queued or running job of an owner, as an admin does before removing the account.</summary>
    public int StopAllOf(string owner, string admin) =>
        Unfinished().Where(job => job.Owner == owner).Count(job => RemoveAny(admin, job.Id) || CancelAny(admin, job.Id));

    /// <summary>
    /// The queue as <paramref name="viewer"/> may see it: every job's place, state and owner; the id and instruction
    /// only of the viewer's own jobs, or of all for an admin.
    /// </summary>
    public IReadOnlyList<QueueEntry> Queue(string viewer, bool isAdmin) =>
        [.. QueueOrder().Select(entry =>
        {
            var record = entry.Record;
            bool mine = record.Owner == viewer;
            bool shown = mine || isAdmin;
            return new QueueEntry(entry.Position, record.State, record.Owner, mine, record.Created,
                shown ? record.Id : null, shown ? record.Spec.Settings.Instruction : null);
        })];

    /// <summary>Every queued and running job with its place (null while it runs), running ones first.</summary>
    private IEnumerable<(JobRecord Record, int? Position)> QueueOrder()
    {
        IEnumerable<(JobRecord Record, int? Position)> entries;
        if (_shared)
        {
            var positions = sharedQueue.Positions();
            entries = Unfinished().Select(record => (record, positions.TryGetValue(record.Id, out int p) ? p : (int?)null));
        }
        else
        {
            entries = board.Overview().Select(entry => (entry.Job.Record, entry.Position));
        }
        return entries.OrderBy(entry => entry.Position ?? 0).ThenBy(entry => entry.Record.Created);
    }

    /// <summary>The queued and running jobs: this process's, or with a shared queue every process's.</summary>
    private IReadOnlyList<JobRecord> Unfinished() =>
        _shared ? jobs.ListUnfinished() : [.. board.Overview().Select(entry => entry.Job.Record)];

    /// <summary>A queued or running job's record, wherever it runs.</summary>
    private JobRecord? LiveRecord(string id) =>
        board.Find(id)?.Record ?? (_shared && jobs.FindById(id) is { } stored && !stored.State.IsFinished() ? stored : null);

    private bool Cancel(string? id, Func<string, bool> allowed, string? admin)
    {
        if (id is null || LiveRecord(id) is not { } record || !allowed(record.Owner) || record.State != JobState.Running)
        {
            return false;
        }
        string? stoppedBy = record.Owner == admin ? null : admin;
        if (board.Find(id) is { } job && (!_shared || job.Lease is not null))
        {
            job.Stop(stoppedBy);
            return true;
        }
        // Another process runs it: the store's flag reaches that worker at its next renewal, the message sooner.
        sharedQueue.RequestCancel(id);
        _ = events.CancelAsync(new CancelRequest(id, stoppedBy));
        return true;
    }

    private bool Remove(string owner, string? id, string? stoppedBy)
    {
        if (id is null)
        {
            return false;
        }
        if (_shared)
        {
            if (LiveRecord(id) is not { State: JobState.Queued } queued || queued.Owner != owner)
            {
                return false;
            }
            var removed = queued with { State = JobState.Removed, Outcome = queued.Outcome with { Finished = clock.GetUtcNow(), StoppedBy = stoppedBy } };
            if (!board.RemoveShared(removed))
            {
                return false;
            }
            board.SignalQueued();
            return true;
        }
        if (board.RemoveQueued(owner, id) is not { } job)
        {
            return false;
        }
        job.Stop(stoppedBy);
        var outcome = job.Record.Outcome with { Finished = clock.GetUtcNow(), StoppedBy = stoppedBy };
        board.Finish(job, job.Record with { State = JobState.Removed, Outcome = outcome });
        board.SignalQueued();
        return true;
    }

    /// <summary>Deletes a finished job from the history, and its result files when nothing else uses them.</summary>
    public bool Delete(string owner, string? id)
    {
        return id is not null && board.Find(id) is null && deletion.Delete(owner, id);
    }

    public JobRecord? Find(string owner, string? id)
    {
        if (id is null)
        {
            return null;
        }
        if (board.Find(id) is { } job)
        {
            return job.Owner == owner ? job.Record : null;
        }
        return jobs.Find(owner, id);
    }

    public IReadOnlyList<JobRecord> History(string owner) => jobs.List(owner, HistoryLimit);

    public IReadOnlyList<JobRecord> Ablation(string owner, string group) => jobs.ListGroup(owner, group);

    public IReadOnlyList<JobRecord> Chain(string owner, string chain) => jobs.ListChain(owner, chain);

    public PreviewFrame? LatestPreview(string owner, string id) =>
        board.Find(id) is { } job && job.Owner == owner ? job.Preview : null;

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
        var live = board.Find(id);
        if (live is null && _shared && jobs.Find(owner, id) is { } running)
        {
            live = board.Mirror(running);
        }
        if (live is null || live.Owner != owner)
        {
            if (jobs.Find(owner, id) is { } stored)
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
                var snapshot = board.SnapshotOf(live);
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

    private List<JobRecord> Enqueue(string owner, IReadOnlyList<JobSpec> specs, JobOutcome? outcome = null)
    {
        var now = clock.GetUtcNow();
        var records = specs.Select(spec => new JobRecord(JobRecord.NewId(), owner, now, JobState.Queued, spec, outcome ?? JobOutcome.None)).ToList();
        foreach (var job in board.Admit(owner, records))
        {
            translation.Prepare(job);
        }
        board.SignalQueued();
        _ = events.QueuedAsync();
        return records;
    }
}
