using DreamOmni2.Contracts;

namespace DreamOmni2.Components.Ablation;

/// <summary>What a grid's header says: how many schemes are done while it runs, and once it has ended, what really happened.</summary>
public static class AblationStatus
{
    public static string Describe(IReadOnlyCollection<JobState> cells)
    {
        if (cells.Count == 0)
        {
            return "Loading…";
        }
        int done = cells.Count(s => s == JobState.Completed);
        if (cells.Any(s => !s.IsFinished()))
        {
            return $"{done} of {cells.Count} schemes done";
        }
        int failed = cells.Count(s => s == JobState.Failed);
        bool stopped = cells.Any(s => s is JobState.Cancelled or JobState.Removed);
        string tally = $"{done} of {cells.Count} done";
        return (stopped, failed) switch
        {
            (false, 0) => $"All {cells.Count} schemes done",
            (true, 0) => $"Stopped — {tally}",
            (false, _) => $"{failed} failed — {tally}",
            (true, _) => $"Stopped, {failed} failed — {tally}",
        };
    }
}
