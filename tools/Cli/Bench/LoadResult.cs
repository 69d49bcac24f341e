using DreamOmni2.Contracts;

namespace DreamOmni2.Cli.Bench;

/// <summary>
/// What a load did: every client's submits, each accepted job's state on the server at the end (null: the server
/// does not know it), and the server's memory where it would tell.
/// </summary>
internal sealed record LoadResult(
    IReadOnlyList<ClientRun> Clients, IReadOnlyDictionary<string, JobState?> FinalStates, ServerSamples? Memory, TimeSpan Elapsed)
{
    private IEnumerable<SubmitOutcome> Submits => Clients.SelectMany(c => c.Submits);

    public int Submitted => Submits.Count();

    public int Accepted => Submits.Count(s => s.JobId is not null);

    public int Refused => Submits.Count(s => s.Refusal is not null);

    /// <summary>Refusals by the server's reason, most frequent first.</summary>
    public IReadOnlyList<(string Reason, int Count)> RefusalReasons =>
        Submits.Where(s => s.Refusal is not null).GroupBy(s => s.Refusal!).Select(g => (g.Key, g.Count())).OrderByDescending(r => r.Item2).ToList();

    public int Completed => FinalStates.Values.Count(s => s == JobState.Completed);

    /// <summary>Jobs that ended without a result: failed, cancelled or removed.</summary>
    public int Failed => FinalStates.Values.Count(s => s is { } state && state.IsFinished() && state != JobState.Completed);

    /// <summary>Accepted jobs the server no longer knows, or that had not finished when the benchmark stopped waiting.</summary>
    public int Lost => FinalStates.Values.Count(s => s is not { } state || !state.IsFinished());

    /// <summary>Submits answered with a job id another submit was also given.</summary>
    public int Duplicated => Accepted - FinalStates.Count;
}
