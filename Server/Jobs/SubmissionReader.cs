using DreamOmni2.Engine;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Storage;

namespace DreamOmni2.Server.Jobs;

/// <summary>
/// Checks a submission against the pack and the submitter's uploads and fills in the pack's defaults, refusing with
/// an error that names the control concerned. Runs before a job is queued, so bad requests never wait in line.
/// </summary>
public sealed class SubmissionReader(PlaygroundEngine engine, UploadRepository uploads, ResultChecker checker)
{
    public const int MaxSteps = 1000;
    public const float MaxGuidance = 30f;

    public JobSpec Read(string owner, JobSubmission submission, string? ablationGroup = null)
    {
        if (!engine.Supports(submission.Mode))
        {
            throw Refuse(InputField.Mode, $"the pack '{engine.Pack.Name}' does not offer {Name(submission.Mode)} mode");
        }
        int count = submission.Images.Count;
        if (count > engine.MaxImages)
        {
            throw Refuse(InputField.Images, $"{count} images were given; this pack takes at most {engine.MaxImages} — remove {count - engine.MaxImages}");
        }
        if (submission.Mode == GenerationMode.Edit && count == 0)
        {
            throw Refuse(InputField.Images, "an edit needs the image to edit as image 1 — add it, or switch to generate for text-to-image");
        }
        var images = new List<JobImage>(count);
        for (int i = 0; i < count; i++)
        {
            string hash = submission.Images[i];
            var upload = ContentStore.IsHash(hash) ? uploads.Find(owner, hash) : null;
            if (upload is null)
            {
                throw new JobRejectedException(new JobError(InputField.Images, $"image {i + 1} is not one of your uploads — upload it again", i + 1));
            }
            images.Add(new JobImage(upload.Hash, upload.ThumbnailHash, upload.Width, upload.Height, upload.Name));
        }
        string instruction = submission.Instruction.Trim();
        string? prompt = string.IsNullOrWhiteSpace(submission.Prompt) ? null : submission.Prompt.Trim();
        if (instruction.Length == 0 && prompt is null)
        {
            throw Refuse(InputField.Instruction, "say what to do: the instruction is empty");
        }
        int steps = submission.Steps ?? engine.DefaultSteps;
        if (steps is < 1 or > MaxSteps)
        {
            throw Refuse(InputField.Steps, $"steps must be between 1 and {MaxSteps}; {steps} was given");
        }
        float guidance = submission.Guidance ?? engine.DefaultGuidance;
        if (!float.IsFinite(guidance) || guidance is < 0 or > MaxGuidance)
        {
            throw Refuse(InputField.Guidance, $"guidance must be between 0 and {MaxGuidance}; {guidance} was given");
        }
        var reflection = submission.Reflect && ablationGroup is null ? Reflection(instruction) : null;
        var trained = engine.Pack.Manifest.Encoding;
        return new JobSpec(
            submission.Mode,
            images,
            instruction,
            prompt,
            submission.Seed,
            steps,
            guidance,
            submission.IndexEncoding ?? trained.Index,
            submission.PositionShift ?? trained.Shift,
            submission.Previews,
            ablationGroup,
            reflection);
    }

    private JobReflection Reflection(string instruction)
    {
        if (!checker.Available)
        {
            throw Refuse(InputField.General,
                "check and retry needs a VLM to judge results, and this server has none: run without it, or configure Translation:Vlm and enable Translation:Reflection");
        }
        if (instruction.Length == 0)
        {
            throw Refuse(InputField.Instruction, "check and retry compares each result with the instruction: write one");
        }
        return new JobReflection(JobRecord.NewId(), 1, checker.MaxRounds);
    }

    private static JobRejectedException Refuse(InputField field, string message) => new(new JobError(field, message));

    private static string Name(GenerationMode mode) => mode == GenerationMode.Edit ? "edit" : "generate";
}
