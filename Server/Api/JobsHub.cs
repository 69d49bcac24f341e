using System.Runtime.CompilerServices;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Sharing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Api;

/// <summary>
/// The API for programmatic clients: submit (images are uploaded first to /api/uploads), watch a job's updates as a
/// stream, cancel a running job or remove a queued one, share a finished one, see the queue. Each caller sees only
/// their own jobs, except that an admin may stop anyone's. Refusals reach the
/// caller as a <see cref="HubException"/> with the reason (see <see cref="HubRefusals"/>).
/// </summary>
[Authorize]
public sealed class JobsHub(JobService jobs, ShareService shares, IOptions<PlaygroundOptions> options) : Hub
{
    public const string Path = "/hubs/jobs";

    private const string WatchCountKey = "watches";

    public JobUpdate Submit(JobSubmission submission) =>
        JobUpdates.From(new JobSnapshot(jobs.Submit(Owner, submission), null, 0, 0, null, null));

    public async Task<IReadOnlyList<string>> SubmitAblation(JobSubmission submission)
    {
        var records = await jobs.SubmitAblationAsync(Owner, submission, Context.ConnectionAborted);
        return records.Select(r => r.Id).ToList();
    }

    public async IAsyncEnumerable<JobUpdate> Watch(string id, [EnumeratorCancellation] CancellationToken ct)
    {
        int limit = options.Value.MaxWatchesPerConnection;
        var count = WatchCount();
        if (Interlocked.Increment(ref count.Value) > limit)
        {
            Interlocked.Decrement(ref count.Value);
            throw new HubException($"this connection already watches {limit} jobs, the most it may — end a watch before starting another");
        }
        try
        {
            await foreach (var snapshot in jobs.WatchAsync(Owner, id, ct))
            {
                yield return JobUpdates.From(snapshot);
            }
        }
        finally
        {
            Interlocked.Decrement(ref count.Value);
        }
    }

    /// <summary>Cancels the caller's running job; an admin's, anyone's.</summary>
    public bool Cancel(string id) => IsAdmin ? jobs.CancelAny(Owner, id) : jobs.Cancel(Owner, id);

    /// <summary>Removes the caller's queued job; an admin's, anyone's.</summary>
    public bool Remove(string id) => IsAdmin ? jobs.RemoveAny(Owner, id) : jobs.Remove(Owner, id);

    /// <summary>
    /// Stops the caller's ablation grid in one call, named by its id or any of its cells': queued cells are removed,
    /// running ones cancelled; returns how many were stopped. Someone else's grid is refused as an unknown one.
    /// </summary>
    public int CancelAblation(string id) => jobs.CancelAblation(Owner, id);

    /// <summary>Takes the queued cells of the caller's ablation grid (its id or a cell's) out of the queue; returns how many.</summary>
    public int RemoveAblation(string id) => jobs.RemoveAblation(Owner, id);

    /// <summary>Every queued and running job: places, states and owners, with ids and instructions only where the caller may see them.</summary>
    public IReadOnlyList<QueueEntry> Queue() => jobs.Queue(Owner, IsAdmin);

    /// <summary>
    /// Makes a read-only link to a finished job of the caller's (a grid cell shares its grid, a round its chain);
    /// returns the link's path on this server, <c>/s/TOKEN</c>. Someone else's job is refused as an unknown one.
    /// </summary>
    public string CreateShare(string id, ShareOptions options) => shares.Create(Owner, id, options).Path;

    /// <summary>Revokes one of the caller's share links, given as its address or token; false when they have no such link.</summary>
    public bool RevokeShare(string link) => shares.Revoke(Owner, link);

    private string Owner => OwnerId.Of(Context.User!);

    private bool IsAdmin => Context.User!.IsInRole(Roles.Admin);

    private StrongBox<int> WatchCount()
    {
        lock (Context.Items)
        {
            if (!Context.Items.TryGetValue(WatchCountKey, out var count))
            {
                Context.Items[WatchCountKey] = count = new StrongBox<int>(0);
            }
            return (StrongBox<int>)count!;
        }
    }
}
