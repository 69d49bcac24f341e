using DreamOmni2.Components.Ablation;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Jobs;
using Microsoft.AspNetCore.Components;

namespace DreamOmni2.Server.Components.Pages;

/// <summary>An ablation group: the same request under the four encoding schemes, side by side as they run.</summary>
public sealed partial class AblationView
{
    private AblationGrid? _grid;

    [Parameter] public string AblationId { get; set; } = "";

    private IReadOnlyList<JobSnapshot> Snapshots => Watch?.Snapshots ?? [];

    private long? LastSeed => Snapshots.Count > 0 ? (long)Snapshots[0].Record.Spec.Settings.Seed : null;

    private IReadOnlyList<AblationCell> Cells => Snapshots
        .Select(s => new AblationCell(s.Record.Spec.Settings.Scheme, s.State, JobTexts.Status(s), s.Step, s.Steps,
            s.State == JobState.Completed ? JobUrls.Result(s.Id) : null))
        .ToList();

    private string Status => AblationStatus.Describe(Snapshots.Select(s => s.State).ToList());

    protected override string Shown => AblationId;

    protected override AblationWatch? Attach()
    {
        var members = Jobs.Ablation(Owner, AblationId);
        if (members.Count == 0)
        {
            return null;
        }
        var trained = Engine.Rules.TrainedScheme;
        Draft.Form = EditorForm.From(members.FirstOrDefault(m => m.Spec.Settings.Scheme == trained) ?? members[0], asRun: false);
        var watch = new AblationWatch(Jobs, Owner, members, InvokeAsync, Throttle, ShowPreviewAsync, StopPreviewAsync, Finished);
        watch.Start();
        return watch;
    }

    private ValueTask ShowPreviewAsync(JobSnapshot job, PreviewStamp preview) =>
        _grid?.ShowPreviewAsync(job.Record.Spec.Settings.Scheme, JobUrls.Preview(job.Id, preview.Step), preview.Step, preview.StepEndedUnixMilliseconds)
        ?? ValueTask.CompletedTask;

    private ValueTask StopPreviewAsync(JobSnapshot job) => _grid?.StopPreviewAsync(job.Record.Spec.Settings.Scheme) ?? ValueTask.CompletedTask;

    private Task UseCellAsInputAsync(EncodingScheme scheme) =>
        Snapshots.FirstOrDefault(s => s.Record.Spec.Settings.Scheme == scheme) is { } cell ? UseAsInputAsync(cell.Id) : Task.CompletedTask;

    private void Finished(JobSnapshot job)
    {
        Draft.Errors.ShowFrom(job.Record);
        StateHasChanged();
    }
}
