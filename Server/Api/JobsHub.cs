using System.Runtime.CompilerServices;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace DreamOmni2.Server.Api;

/// <summary>
/// The API for programmatic clients: submit (images are uploaded first to /api/uploads), watch a job's updates as a
/// stream, cancel a running job or remove a queued one. Each caller sees only their own jobs.
/// </summary>
[Authorize]
public sealed class JobsHub(JobService jobs) : Hub
{
    public const string Path = "/hubs/jobs";

    public JobUpdate Submit(JobSubmission submission) => Guard(() =>
        JobUpdate.From(new JobSnapshot(jobs.Submit(Owner, submission), null, 0, 0, null, null)));

    public async Task<IReadOnlyList<string>> SubmitAblation(JobSubmission submission)
    {
        try
        {
            var records = await jobs.SubmitAblationAsync(Owner, submission, Context.ConnectionAborted);
            return records.Select(r => r.Id).ToList();
        }
        catch (JobRejectedException e)
        {
            throw new HubException(e.Message);
        }
    }

    public async IAsyncEnumerable<JobUpdate> Watch(string id, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var snapshot in jobs.WatchAsync(Owner, id, ct))
        {
            yield return JobUpdate.From(snapshot);
        }
    }

    public bool Cancel(string id) => jobs.Cancel(Owner, id);

    public bool Remove(string id) => jobs.Remove(Owner, id);

    private string Owner => OwnerId.Of(Context.User!);

    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (JobRejectedException e)
        {
            throw new HubException(e.Message);
        }
    }
}
