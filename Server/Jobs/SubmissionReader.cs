using DreamOmni2.Contracts;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Storage;

namespace DreamOmni2.Server.Jobs;

/// <summary>
/// Turns a submission into a job's spec: its images must be the submitter's uploads, and the request is completed by
/// the engine's <see cref="RequestRules"/>. Runs before a job is queued, so bad requests never wait in line.
/// </summary>
public sealed class SubmissionReader(PlaygroundEngine engine, UploadRepository uploads, ResultChecker checker)
{
    /// <exception cref="InvalidRequestException">The submission cannot run; the error names the part concerned.</exception>
    public JobSpec Read(string owner, JobSubmission? submission, string? ablationGroup = null)
    {
        if (submission?.Request is not { } request)
        {
            throw new InvalidRequestException(RequestField.General, "send a submission with a request: { images: [...], request: { mode, instruction, ... } }");
        }
        var hashes = submission.Images ?? [];
        if (hashes.Count > engine.Rules.MaxImages)
        {
            // Checked before the uploads are looked up, so a huge list costs nothing.
            engine.Rules.Complete(request, hashes.Count);
        }
        var images = new List<JobImage>(hashes.Count);
        for (int i = 0; i < hashes.Count; i++)
        {
            string? hash = hashes[i];
            var upload = ContentStore.IsHash(hash) ? uploads.Find(owner, hash!) : null;
            if (upload is null)
            {
                throw new InvalidRequestException(new RequestError(RequestField.Images, $"image {i + 1} is not one of your uploads — upload it again", i + 1));
            }
            images.Add(new JobImage(upload.Hash, upload.ThumbnailHash, upload.Width, upload.Height, upload.Name));
        }
        var settings = engine.Rules.Complete(request, images.Count);
        var reflection = submission.Reflect && ablationGroup is null ? Reflection(settings) : null;
        return new JobSpec(images, settings, ablationGroup, reflection, engine.Pack.Name);
    }

    private JobReflection Reflection(GenerationSettings settings)
    {
        if (!checker.Available)
        {
            throw new InvalidRequestException(RequestField.General,
                "check and retry needs a VLM to judge results, and this server has none: run without it, or configure Translation:Vlm and enable Translation:Reflection");
        }
        if (settings.Instruction.Length == 0)
        {
            throw new InvalidRequestException(RequestField.Instruction, "check and retry compares each result with the instruction: write one");
        }
        return new JobReflection(JobRecord.NewId(), 1, checker.MaxRounds);
    }
}
