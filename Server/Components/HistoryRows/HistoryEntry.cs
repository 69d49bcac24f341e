using DreamOmni2.Contracts;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Jobs;

namespace DreamOmni2.Server.Components.HistoryRows;

/// <summary>One row of the history: a single job, or the cells of an ablation grid together, in scheme order.</summary>
public sealed record HistoryEntry(string Key, IReadOnlyList<JobRecord> Jobs)
{
    public JobRecord First => Jobs[0];

    public string? Grid => First.Spec.AblationGroup;

    public bool Finished => Jobs.All(j => j.State.IsFinished());

    public string OpenUrl => Grid is { } grid ? JobUrls.Ablation(grid) : JobUrls.Page(First.Id);

    /// <summary>The job whose settings "recall" loads: a grid's cell under the pack's own scheme, as the grid's page does.</summary>
    public JobRecord RecallFrom(EncodingScheme trained) => Jobs.FirstOrDefault(j => j.Spec.Settings.Scheme == trained) ?? First;

    public bool Matches(string search, JobState? state, GenerationMode? mode) =>
        (state is null || Jobs.Any(j => j.State == state))
        && (mode is null || First.Spec.Settings.Mode == mode)
        && (search.Length == 0
            || First.Spec.Settings.Instruction.Contains(search, StringComparison.OrdinalIgnoreCase)
            || Jobs.Any(j => j.Outcome.Prompt?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false));

    /// <summary>The jobs as rows, newest first: a grid's cells make one row, where its newest cell is.</summary>
    public static IReadOnlyList<HistoryEntry> Group(IReadOnlyList<JobRecord> newestFirst) =>
        [.. newestFirst
            .GroupBy(job => job.Spec.AblationGroup ?? job.Id)
            .Select(group => new HistoryEntry(group.Key, [.. group.OrderBy(job => EncodingScheme.All.ToList().IndexOf(job.Spec.Settings.Scheme))]))];
}
