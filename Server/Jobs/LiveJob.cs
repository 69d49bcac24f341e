using System.Threading.Channels;

namespace DreamOmni2.Server.Jobs;

/// <summary>
/// A queued or running job in memory: its record, progress and latest preview frame, and the viewers watching it.
/// Each viewer holds a one-slot signal, so a slow viewer skips to the newest state instead of queueing frames.
/// </summary>
public sealed class LiveJob(JobRecord record)
{
    private readonly Lock _gate = new();
    private readonly List<Channel<bool>> _watchers = [];
    private JobRecord _record = record;
    private int _step;
    private int _steps = record.Spec.Settings.Steps;
    private double? _secondsLeft;
    private PreviewFrame? _preview;

    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>The admin who stopped the job, when not its owner; recorded in the owner's history.</summary>
    public string? StoppedBy { get; private set; }

    /// <summary>The claim under which this process runs the job, when it took it from the shared queue.</summary>
    public Storage.JobLease? Lease { get; private set; }

    /// <summary>Whether this process lost its claim on the job (another worker runs it now): it must write nothing more.</summary>
    public bool Lost { get; private set; }

    public void Hold(Storage.JobLease lease) => Lease = lease;

    /// <summary>The claim was lost: the job stops here, and another worker finishes it.</summary>
    public void Lose()
    {
        Lost = true;
        Cancellation.Cancel();
    }

    public string Id { get; } = record.Id;

    public string Owner { get; } = record.Owner;

    public JobRecord Record
    {
        get { lock (_gate) { return _record; } }
    }

    public bool PromptReady => Record.PromptReady;

    public PreviewFrame? Preview
    {
        get { lock (_gate) { return _preview; } }
    }

    public JobSnapshot Snapshot(int? queuePosition)
    {
        lock (_gate)
        {
            var stamp = _preview is { } p ? new PreviewStamp(p.Step, p.StepEndedUnixMilliseconds) : null;
            return new JobSnapshot(_record, queuePosition, _step, _steps, _secondsLeft, stamp);
        }
    }

    public void SetRecord(JobRecord updated)
    {
        lock (_gate)
        {
            _record = updated;
        }
        Signal();
    }

    public void SetProgress(int step, int steps, double? secondsLeft, PreviewFrame? preview)
    {
        lock (_gate)
        {
            _step = step;
            _steps = steps;
            _secondsLeft = secondsLeft;
            _preview = preview ?? _preview;
        }
        Signal();
    }

    /// <summary>Cancels the job, noting the admin who did when it was not its owner.</summary>
    public void Stop(string? admin)
    {
        StoppedBy = admin;
        Cancellation.Cancel();
    }

    public ChannelReader<bool> Watch()
    {
        var signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        lock (_gate)
        {
            _watchers.Add(signal);
        }
        return signal.Reader;
    }

    public void Unwatch(ChannelReader<bool> reader)
    {
        lock (_gate)
        {
            _watchers.RemoveAll(w => w.Reader == reader);
        }
    }

    /// <summary>Tells every viewer something changed.</summary>
    public void Signal()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(true);
            }
        }
    }
}
