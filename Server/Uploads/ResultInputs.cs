using DreamOmni2.Contracts;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Refusals;
using DreamOmni2.Server.Storage;

namespace DreamOmni2.Server.Uploads;

/// <summary>
/// Takes a finished result of the owner's as a new input image ("use as input"): the result's PNG goes through the same
/// checks as any upload (the engine's decoder, the quota, the upload rate) and becomes one of the owner's uploads, so it
/// stays in the tray even when the job is deleted. Someone else's job is refused as an unknown one.
/// </summary>
public sealed class ResultInputs(JobService jobs, ContentStore store, UploadService uploads)
{
    /// <param name="imageNumber">The slot the result goes to, 1-based, for an error message.</param>
    /// <exception cref="RefusalException">The owner has no finished job of that id with a result, uploads too fast, or is out of space.</exception>
    public async Task<UploadedImage> AcceptAsync(string owner, string? jobId, int imageNumber, CancellationToken ct)
    {
        if (jobs.Find(owner, jobId) is not { Outcome.ResultHash: { } hash } job || !store.Contains(hash))
        {
            throw new RefusalException(StatusCodes.Status404NotFound, "no finished job of yours has that id, so there is no result to use as input");
        }
        byte[] png = store.Read(hash);
        await using var content = new MemoryStream(png, writable: false);
        return await uploads.AcceptAsync(owner, content, png.Length, $"result {job.Id}.png", imageNumber, ct);
    }
}
