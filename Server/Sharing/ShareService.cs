using DreamOmni2.Contracts;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Refusals;

namespace DreamOmni2.Server.Sharing;

/// <summary>
/// Share links for their owners and for whoever opens one. A job is shared with what it belongs to: a cell of an
/// ablation grid shares the whole grid, a round of check and retry shares the chain, as the owner sees them. Only the
/// owner's own finished work can be shared, and someone else's job is refused exactly as one that does not exist.
/// </summary>
public sealed class ShareService(ShareLinks links, JobService jobs)
{
    /// <exception cref="RefusalException">No finished job of the owner's has that id, or the options cannot be used.</exception>
    public ShareLink Create(string owner, string? jobId, ShareOptions options)
    {
        if (options.ExpiresAfter is { } expiry && (expiry < ShareOptions.ShortestExpiry || expiry > ShareOptions.LongestExpiry))
        {
            throw new RefusalException(StatusCodes.Status400BadRequest,
                $"a share link expires after {ShareOptions.ShortestExpiry.TotalMinutes:0} minute to {ShareOptions.LongestExpiry.TotalDays:0} days, or never");
        }
        if (jobs.Find(owner, jobId) is not { } job)
        {
            throw new RefusalException(StatusCodes.Status404NotFound, "no job of yours has that id");
        }
        var (scope, target, members) = job.Spec switch
        {
            { AblationGroup: { } group } => (ShareScope.Ablation, group, jobs.Ablation(owner, group)),
            { Reflection: { } reflection } => (ShareScope.Chain, reflection.Chain, jobs.Chain(owner, reflection.Chain)),
            _ => (ShareScope.Job, job.Id, [job]),
        };
        string what = scope switch { ShareScope.Ablation => "this ablation grid", ShareScope.Chain => "this check-and-retry chain", _ => "this job" };
        if (members.Any(m => !m.State.IsFinished()))
        {
            throw new RefusalException(StatusCodes.Status409Conflict, $"{what} is still running: share it once it has finished");
        }
        if (!members.Any(m => m.State == JobState.Completed && m.Outcome.ResultHash is not null))
        {
            throw new RefusalException(StatusCodes.Status409Conflict, $"{what} has no result to share: it failed, or was cancelled or removed");
        }
        return links.Create(owner, scope, target, job.Id, options);
    }

    /// <summary>Revokes one of the owner's links, given as its address or its token; false when the owner has no such link.</summary>
    public bool Revoke(string owner, string link) => links.Revoke(owner, TokenOf(link));

    public IReadOnlyList<ShareLink> List(string owner) => links.List(owner);

    /// <summary>What a link shows now; null for a malformed, unknown, revoked or expired token, or one whose results are gone.</summary>
    public SharedResult? Open(string token)
    {
        if (links.Open(token) is not { } link)
        {
            return null;
        }
        IEnumerable<JobRecord> shown = link.Scope switch
        {
            ShareScope.Ablation => jobs.Ablation(link.Owner, link.Target).OrderBy(j => Index(j.Spec.Settings.Scheme)),
            ShareScope.Chain => jobs.Chain(link.Owner, link.Target),
            _ => jobs.Find(link.Owner, link.Target) is { } job ? [job] : [],
        };
        var results = shown.Where(j => j.State == JobState.Completed && j.Outcome.ResultHash is not null).ToList();
        return results.Count == 0 ? null : new SharedResult(link, results);
    }

    /// <summary>The token in a link's address (<c>https://host/s/TOKEN</c>, <c>/s/TOKEN</c>) or the token itself.</summary>
    public static string TokenOf(string link)
    {
        string text = link.Trim();
        string marker = ShareLink.PathPrefix + "/";
        int at = text.LastIndexOf(marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            text = text[(at + marker.Length)..];
        }
        int end = text.IndexOfAny(['/', '?', '#']);
        return end < 0 ? text : text[..end];
    }

    private static int Index(EncodingScheme scheme)
    {
        for (int i = 0; i < EncodingScheme.All.Count; i++)
        {
            if (EncodingScheme.All[i] == scheme)
            {
                return i;
            }
        }
        return EncodingScheme.All.Count;
    }
}
