using DreamOmni2.Server.Sharing;

namespace DreamOmni2.Server.Storage;

/// <summary>
/// Deletes a job from the history together with the result files nothing else uses, so deleting history frees disk.
/// The job's input images stay: they are the owner's uploads, which the tray may still hold. Share links that show the
/// job go with it, so a deleted result is not left readable by whoever holds a link.
/// </summary>
public sealed class JobDeletion(JobRepository jobs, UploadRepository uploads, FileOwnership ownership, ContentStore store, ShareLinks shares)
{
    private readonly Lock _gate = new();

    public bool Delete(string owner, string id)
    {
        lock (_gate)
        {
            if (jobs.Find(owner, id) is not { } job || !jobs.Delete(owner, id))
            {
                return false;
            }
            shares.DeleteShowing(job);
            foreach (string hash in new[] { job.Outcome.ResultHash, job.Outcome.ResultThumbnailHash }.OfType<string>())
            {
                if (jobs.UsesResult(owner, hash) || uploads.Uses(owner, hash))
                {
                    continue;
                }
                ownership.Revoke(owner, hash);
                if (!ownership.OwnedByAnyone(hash))
                {
                    store.Delete(hash);
                }
            }
            return true;
        }
    }
}
