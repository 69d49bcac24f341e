using DreamOmni2.Components.Preview;
using DreamOmni2.Components.Reflection;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Jobs;
using Microsoft.AspNetCore.Components;

namespace DreamOmni2.Server.Components.Pages;

/// <summary>
/// One job: its progress, live preview and result, and for a round of check and retry the chain's rounds. When a
/// round watched to its end queues another, the view moves on to it, so the chain plays out live.
/// </summary>
public sealed partial class JobView
{
    private IReadOnlyList<JobRecord> _chain = [];
    private LivePreview? _preview;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter] public string JobId { get; set; } = "";

    private long? LastSeed => (long?)Watch?.Snapshot?.Record.Spec.Settings.Seed;

    private IReadOnlyList<JobSnapshot> Watched => Watch?.Snapshot is { } job ? [job] : [];

    protected override string Shown => JobId;

    protected override JobWatch? Attach()
    {
        _chain = [];
        if (Jobs.Find(Owner, JobId) is not { } record)
        {
            return null;
        }
        Draft.Form = EditorForm.From(record, asRun: false);
        Draft.Errors.ShowFrom(record);
        LoadChain(record);
        var watch = new JobWatch(Jobs, Owner, JobId, InvokeAsync, Throttle) { ShowPreview = ShowPreviewAsync, StopPreview = _ => _preview?.StopAsync() ?? ValueTask.CompletedTask, Finished = Finished };
        watch.Start();
        return watch;
    }

    private ValueTask ShowPreviewAsync(JobSnapshot job, PreviewStamp preview) =>
        _preview?.ShowAsync(JobUrls.Preview(job.Id, preview.Step), preview.Step, preview.StepEndedUnixMilliseconds) ?? ValueTask.CompletedTask;

    private void Finished(JobSnapshot job, bool watchedLive)
    {
        Draft.Form.ShowPromptOf(job.Record.Outcome);
        Draft.Errors.ShowFrom(job.Record);
        LoadChain(job.Record);
        StateHasChanged();
        if (watchedLive && job.Record.Outcome.Check?.NextJobId is { } next)
        {
            Navigation.NavigateTo(JobUrls.Page(next));
        }
    }

    private void LoadChain(JobRecord record) =>
        _chain = record.Spec.Reflection is { } reflection ? Jobs.Chain(Owner, reflection.Chain) : [];

    private List<ReflectionRoundView> ChainRounds(JobSnapshot shown) => _chain
        .Select(r => r.Id == shown.Id ? shown.Record : r)
        .Select(r => new ReflectionRoundView(
            r.Spec.Reflection?.Round ?? 0,
            r.Outcome.Prompt ?? r.Spec.Settings.LockedPrompt ?? "",
            JobTexts.RoundStatus(r),
            r.Outcome.Check?.Verdict,
            r.Outcome.Check?.Critique ?? "",
            r.Outcome.Check?.Warning,
            r.Outcome.Check?.Note,
            r.Outcome.ResultThumbnailHash is { } thumbnail ? JobUrls.File(thumbnail) : null,
            JobUrls.Page(r.Id),
            r.Id == shown.Id))
        .ToList();

    private void Reuse(JobRecord record)
    {
        Draft.Form = EditorForm.From(record, asRun: true);
        Draft.Errors.Clear();
    }
}
