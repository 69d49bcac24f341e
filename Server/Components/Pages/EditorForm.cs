using DreamOmni2.Components.Prompt;
using DreamOmni2.Components.Tray;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Output;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Uploads;

namespace DreamOmni2.Server.Components.Pages;

/// <summary>What the editing page's controls hold, and how it becomes a submission or comes back from a job.</summary>
public sealed class EditorForm
{
    public GenerationMode Mode { get; set; } = GenerationMode.Edit;

    public List<TrayImage> Images { get; } = [];

    public string Instruction { get; set; } = "";

    public string? Prompt { get; set; }

    public bool PromptLocked { get; set; }

    public PromptTranslationInfo? Translation { get; set; }

    /// <summary>Null: random.</summary>
    public long? Seed { get; set; }

    /// <summary>Null: the field was emptied, and the pack's default is used.</summary>
    public int? Steps { get; set; }

    /// <summary>Null: the field was emptied, and the pack's default is used.</summary>
    public float? Guidance { get; set; }

    public EncodingScheme Scheme { get; set; }

    /// <summary>Check and retry: the VLM judges each result and the job runs again with its critique.</summary>
    public bool Reflect { get; set; }

    /// <summary>The latent grid of each reference image, as the pack will encode it.</summary>
    public IReadOnlyList<GridSize> ReferenceGrids(RequestRules rules) =>
        Images.Select(i => PackGrids.Reference(rules, i.Width, i.Height)).ToList();

    /// <summary>The latent grid of the image the form's request will make.</summary>
    public GridSize TargetGrid(RequestRules rules) => PackGrids.Target(rules, Mode, Images.Select(i => (i.Width, i.Height)).ToList());

    /// <summary>The output's aspect ratio as CSS writes it, so previews keep their shape before the first frame.</summary>
    public string OutputAspect(RequestRules rules)
    {
        var target = TargetGrid(rules);
        return $"{target.Width} / {target.Height}";
    }

    /// <summary>An empty form showing the pack's defaults.</summary>
    public static EditorForm Defaults(RequestRules rules) => new()
    {
        Steps = rules.DefaultSteps,
        Guidance = rules.DefaultGuidance,
        Scheme = rules.TrainedScheme,
        Mode = rules.Supports(GenerationMode.Edit) ? GenerationMode.Edit : GenerationMode.Generate,
    };

    public void Add(UploadedImage image) => PutInSlot(image, Images.Count + 1);

    /// <summary>
    /// The 1-based slot a result taken as input goes to: in an edit image 1, the image being edited, so the next
    /// instruction edits the result with the same references; in a generation the next free slot. Null when none is free.
    /// </summary>
    public int? SlotForResult(int maxImages) => Mode == GenerationMode.Edit ? 1 : Images.Count < maxImages ? Images.Count + 1 : null;

    /// <summary>Puts an image into the 1-based slot, replacing the image there.</summary>
    public void PutInSlot(UploadedImage image, int number)
    {
        var entry = new TrayImage(image.Hash, image.Name, JobUrls.File(image.ThumbnailHash), image.Width, image.Height);
        if (number <= Images.Count)
        {
            Images[number - 1] = entry;
        }
        else
        {
            Images.Add(entry);
        }
    }

    /// <summary>
    /// Settings read from a PNG into the form, each only where the text gave it: this playground's prompt comes back
    /// locked, as "use these settings again" does; another program's prompt becomes the instruction, translated afresh.
    /// </summary>
    public void Recall(RecalledSettings settings, RequestRules rules)
    {
        if (settings.Instruction is { } instruction)
        {
            Instruction = instruction;
        }
        if (settings.Prompt is { } prompt)
        {
            (Prompt, PromptLocked, Translation) = (prompt, true, null);
        }
        else if (settings.Instruction is not null)
        {
            (Prompt, PromptLocked, Translation) = (null, false, null);
        }
        if (settings.Mode is { } mode && rules.Supports(mode))
        {
            Mode = mode;
        }
        Seed = settings.Seed is { } seed ? (long)seed : Seed;
        Steps = settings.Steps ?? Steps;
        Guidance = settings.Guidance ?? Guidance;
        Scheme = settings.Scheme ?? Scheme;
    }

    /// <summary>
    /// A pack example in the form: its images in the tray, its instruction (translated afresh at the run) and mode.
    /// The sampling settings and switches stay as they were.
    /// </summary>
    public void TakeExample(GenerationMode mode, string instruction, IReadOnlyList<UploadedImage> images)
    {
        Mode = mode;
        Instruction = instruction;
        Prompt = null;
        PromptLocked = false;
        Translation = null;
        Images.Clear();
        foreach (var image in images)
        {
            Add(image);
        }
    }

    /// <param name="runAsWritten">Run even when the translator has a problem with the instruction.</param>
    /// <exception cref="InvalidRequestException">The seed typed is negative, which no request can carry.</exception>
    public JobSubmission ToSubmission(bool runAsWritten = false) => new(
        Images.Select(i => i.Key).ToList(),
        new GenerationRequest
        {
            Mode = Mode,
            Instruction = Instruction,
            Prompt = PromptLocked ? Prompt : null,
            Seed = Seed is { } seed
                ? RequestLimits.SeedProblem(seed) is { } problem ? throw new InvalidRequestException(RequestField.Seed, problem) : (ulong)seed
                : null,
            Steps = Steps,
            Guidance = Guidance,
            Scheme = Scheme,
            RunAsWritten = runAsWritten,
        },
        Reflect);

    /// <summary>
    /// A job's inputs and settings back in the form. With <paramref name="asRun"/> the seed and prompt it actually
    /// used are taken and the prompt locked, so running again repeats it; without, the form shows the job as submitted.
    /// </summary>
    public static EditorForm From(JobRecord job, bool asRun)
    {
        var settings = job.Spec.Settings;
        var outcome = job.Outcome;
        var form = new EditorForm
        {
            Mode = settings.Mode,
            Instruction = settings.Instruction,
            Prompt = outcome.Prompt ?? settings.LockedPrompt,
            PromptLocked = settings.LockedPrompt is not null || (asRun && outcome.Prompt is not null),
            Translation = outcome.TranslationInfo,
            Seed = asRun || !settings.RandomSeed ? (long)settings.Seed : null,
            Steps = settings.Steps,
            Guidance = settings.Guidance,
            Scheme = settings.Scheme,
            Reflect = job.Spec.Reflection is not null,
        };
        form.Images.AddRange(job.Spec.Images.Select(i => new TrayImage(i.Hash, i.Name, JobUrls.File(i.ThumbnailHash), i.Width, i.Height)));
        return form;
    }

    /// <summary>The prompt a job ran with, and how its instruction was translated, shown in the prompt panel.</summary>
    public void ShowPromptOf(JobOutcome outcome)
    {
        if (outcome.Prompt is not null)
        {
            Prompt = outcome.Prompt;
            Translation = outcome.TranslationInfo ?? Translation;
        }
    }
}
