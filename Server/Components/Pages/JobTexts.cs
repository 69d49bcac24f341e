using DreamOmni2.Contracts;
using DreamOmni2.Server.Jobs;

namespace DreamOmni2.Server.Components.Pages;

/// <summary>The words the playground shows for a job's state, its round in a check-and-retry chain, and its result.</summary>
public static class JobTexts
{
    /// <summary>A round in a check-and-retry chain, in the chain's list.</summary>
    public static string RoundStatus(JobRecord round) => round.State switch
    {
        JobState.Checking => "checking…",
        JobState.Completed => "not checked",
        var state => state.ToString().ToLowerInvariant(),
    };

    public static string Status(JobSnapshot job) => job.State switch
    {
        JobState.Queued when !job.Record.PromptReady => "Translating the instruction…",
        JobState.Queued => job.QueuePosition is int p ? $"Queued — position {p}" : "Queued",
        JobState.Checking => "Asking the VLM whether the result follows the instruction…",
        JobState.Running when job.Step == 0 => "Encoding the images and prompt…",
        JobState.Running => "Denoising",
        JobState.Completed => job.Record.Outcome.Timings is { } t ? $"Done in {t.WallMilliseconds / 1000:0.0} s" : "Done",
        JobState.Failed when NotRun(job.Record) => "Not run: the translator had a problem with the instruction",
        JobState.Failed => "Failed",
        JobState.Cancelled => "Cancelled" + StoppedBy(job.Record),
        JobState.Removed => "Removed from the queue" + StoppedBy(job.Record),
        _ => "",
    };

    /// <summary>A job's state in a word or two, as the history lists it.</summary>
    public static string HistoryState(JobRecord record) => NotRun(record)
        ? "not run: run as written?"
        : record.State.ToString().ToLowerInvariant() + StoppedBy(record);

    /// <summary>Whether the job was stopped before running because the translator had a problem with its instruction.</summary>
    public static bool NotRun(JobRecord record) => record is { State: JobState.Failed, Outcome.Error.Field: RequestField.Translation };

    /// <summary>Who stopped the job, when an admin did rather than its owner.</summary>
    public static string StoppedBy(JobRecord record) => record.Outcome.StoppedBy is { } admin ? $" by {admin} (admin)" : "";

    /// <summary>The preview before anything has run.</summary>
    public const string IdlePlaceholder = "Add images, write an instruction and press Run. Each denoising step shows here.";

    public static string PreviewPlaceholder(JobSnapshot job) => job.State switch
    {
        JobState.Queued => "Waiting for its turn…",
        JobState.Running => "The first step's preview appears here…",
        JobState.Cancelled => "Cancelled before it finished.",
        JobState.Removed => "Removed before it started.",
        _ => "No preview.",
    };

    public static string ResultCaption(JobRecord record) =>
        $"seed {record.Spec.Settings.Seed} · {record.Spec.Settings.Steps} steps · guidance {record.Spec.Settings.Guidance:0.##} · {record.Spec.Settings.Scheme.Label}" +
        (record.Outcome.Timings is { } t ? $" · {t.WallMilliseconds / 1000:0.00} s" : "");
}
