using System.Diagnostics;
using DreamOmni2.Client;
using DreamOmni2.Contracts;

namespace DreamOmni2.Cli.Bench;

/// <summary>What one simulated user saw: how long each submit call took, and each job from submit to its end.</summary>
internal sealed record UserRun(IReadOnlyList<double> SubmitMs, IReadOnlyList<double> JobMs, int Completed);

/// <summary>One level of the concurrency benchmark: every user's runs and the wall time of the whole level.</summary>
internal sealed record ConcurrencyLevel(int Users, IReadOnlyList<UserRun> Runs, double WallSeconds)
{
    public int Completed => Runs.Sum(r => r.Completed);

    public double JobsPerSecond => Completed / WallSeconds;
}

/// <summary>
/// Users of one server at once, each a <see cref="PlaygroundClient"/> of its own: submit a job with a locked prompt (so
/// the worker and the job store are what is measured, not the translator), watch it to its end, submit the next.
/// </summary>
internal static class ConcurrentUsers
{
    public static async Task<ConcurrencyLevel> RunAsync(Uri server, int users, int jobsPerUser, int steps, CancellationToken ct)
    {
        var connections = new List<PlaygroundClient>();
        try
        {
            for (int u = 0; u < users; u++)
            {
                connections.Add(await PlaygroundClient.ConnectAsync(server, ct: ct));
            }
            long start = Stopwatch.GetTimestamp();
            var runs = await Task.WhenAll(connections.Select((c, u) => UserAsync(c, u, jobsPerUser, steps, ct)));
            return new ConcurrencyLevel(users, runs, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task<UserRun> UserAsync(PlaygroundClient client, int user, int jobs, int steps, CancellationToken ct)
    {
        var submits = new List<double>();
        var latencies = new List<double>();
        int completed = 0;
        for (int j = 0; j < jobs; j++)
        {
            long start = Stopwatch.GetTimestamp();
            var submitted = await client.SubmitAsync(new JobSubmission([], new GenerationRequest
            {
                Mode = GenerationMode.Generate,
                Prompt = "a red circle",
                Seed = (ulong)(user * 1000 + j),
                Steps = steps,
                Previews = false,
            }), ct);
            submits.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            var state = JobState.Queued;
            await foreach (var update in client.WatchAsync(submitted.Id, ct))
            {
                state = update.State;
            }
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            completed += state == JobState.Completed ? 1 : 0;
        }
        return new UserRun(submits, latencies, completed);
    }
}
