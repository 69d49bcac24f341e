using System.Diagnostics;
using DreamOmni2.Client;
using DreamOmni2.Contracts;

namespace DreamOmni2.Cli.Bench;

/// <summary>What became of one submit: the job id the server gave and how long the job waited, or why it was refused.</summary>
/// <param name="WaitMs">Acceptance to the first update past Queued; null when the watch never saw the job leave the queue.</param>
internal sealed record SubmitOutcome(string? JobId, string? Refusal, double? WaitMs);

/// <summary>One client's submits, in the order it made them.</summary>
internal sealed record ClientRun(int Client, IReadOnlyList<SubmitOutcome> Submits)
{
    public IEnumerable<double> Waits => Submits.Where(s => s.WaitMs is not null).Select(s => s.WaitMs!.Value);
}

/// <summary>
/// One client of the load benchmark, a <see cref="PlaygroundClient"/> of its own: it submits all its jobs at once, as a
/// burst of users would, and watches each accepted one until it leaves the queue and ends.
/// </summary>
internal static class LoadClient
{
    /// <summary>Watches one connection keeps at once: a server's default <c>MaxWatchesPerConnection</c>.</summary>
    public const int WatchesAtOnce = 16;

    /// <param name="steps">Denoising steps a job; null: the server's default.</param>
    public static async Task<ClientRun> RunAsync(PlaygroundClient client, int index, int jobs, int? steps, CancellationToken ct)
    {
        using var watches = new SemaphoreSlim(WatchesAtOnce);
        var submits = new List<Task<SubmitOutcome>>(jobs);
        for (int j = 0; j < jobs; j++)
        {
            JobUpdate accepted;
            try
            {
                accepted = await client.SubmitAsync(Job(index, j, steps), ct);
            }
            catch (PlaygroundRequestException e)
            {
                submits.Add(Task.FromResult(new SubmitOutcome(null, e.Message, null)));
                continue;
            }
            long acceptedAt = Stopwatch.GetTimestamp();
            submits.Add(WatchAsync(client, accepted.Id, acceptedAt, watches, ct));
        }
        return new ClientRun(index, await Task.WhenAll(submits));
    }

    /// <summary>A generation with a locked prompt, so the worker and the queue are what is loaded, not the translator.</summary>
    public static JobSubmission Job(int client, int job, int? steps) => new([], new GenerationRequest
    {
        Mode = GenerationMode.Generate,
        Prompt = "a red circle",
        Seed = (ulong)(client * 1000 + job),
        Steps = steps,
    });

    private static async Task<SubmitOutcome> WatchAsync(PlaygroundClient client, string jobId, long acceptedAt, SemaphoreSlim watches, CancellationToken ct)
    {
        double? wait = null;
        try
        {
            await watches.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return new SubmitOutcome(jobId, null, null);
        }
        try
        {
            await foreach (var update in client.WatchAsync(jobId, ct))
            {
                if (wait is null && update.State != JobState.Queued)
                {
                    wait = Stopwatch.GetElapsedTime(acceptedAt).TotalMilliseconds;
                }
            }
        }
        catch (Exception e) when (e is PlaygroundRequestException or OperationCanceledException)
        {
            // A watch cut short (a lost connection, the benchmark's time limit) proves nothing either way: the server
            // is asked for the job's state afterwards, and Ctrl+C is noticed there.
        }
        finally
        {
            watches.Release();
        }
        return new SubmitOutcome(jobId, null, wait);
    }
}
