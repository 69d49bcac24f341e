using DreamOmni2.Components.Rendering;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Jobs;
using Microsoft.JSInterop;

namespace DreamOmni2.Server.Components.Pages;

/// <summary>
/// Follows one job for a view until the view stops it: keeps the job's latest snapshot, hands over each new preview
/// frame once while it runs, asks the view for a render through its throttle, and says when the job finished.
/// Everything it tells the view runs on the view's dispatcher.
/// </summary>
public sealed class JobWatch(JobService jobs, string owner, string id, Func<Func<Task>, Task> dispatch, RenderThrottle throttle) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public JobSnapshot? Snapshot { get; private set; }

    /// <summary>Paints a new preview frame of the running job.</summary>
    public Func<JobSnapshot, PreviewStamp, ValueTask> ShowPreview { get; init; } = (_, _) => ValueTask.CompletedTask;

    /// <summary>The job that was painting previews ended: a frame still waiting must not be fetched, as the server has let it go.</summary>
    public Func<JobSnapshot, ValueTask> StopPreview { get; init; } = _ => ValueTask.CompletedTask;

    /// <summary>The job finished; the flag says whether it was seen unfinished, not only found finished.</summary>
    public Action<JobSnapshot, bool> Finished { get; init; } = (_, _) => { };

    public void Start() => _ = WatchAsync(_stop.Token);

    private async Task WatchAsync(CancellationToken ct)
    {
        int shownStep = -1;
        bool sawItUnfinished = false;
        try
        {
            await foreach (var snapshot in jobs.WatchAsync(owner, id, ct))
            {
                await dispatch(async () =>
                {
                    Snapshot = snapshot;
                    // The last step's frame is not shown: the result replaces it as soon as it is decoded, and the
                    // job (with its frame) is gone from the server by the time the browser would fetch it.
                    if (snapshot.Preview is { } preview && preview.Step != shownStep && preview.Step < snapshot.Steps && snapshot.State == JobState.Running)
                    {
                        shownStep = preview.Step;
                        await ShowPreview(snapshot, preview);
                    }
                    if (snapshot.State.IsFinished())
                    {
                        if (shownStep >= 0)
                        {
                            await StopPreview(snapshot);
                        }
                        Finished(snapshot, sawItUnfinished);
                    }
                    else
                    {
                        sawItUnfinished = true;
                        throttle.Request();
                    }
                });
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (JSDisconnectedException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
