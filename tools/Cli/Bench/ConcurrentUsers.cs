using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

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
/// Users of one server at once, each on its own hub connection: submit a job with a locked prompt (so the worker and
/// the job store are what is measured, not the translator), watch it to its end, submit the next.
/// </summary>
internal static class ConcurrentUsers
{
    public static async Task<ConcurrencyLevel> RunAsync(Uri server, int users, int jobsPerUser, int steps, CancellationToken ct)
    {
        var connections = new List<HubConnection>();
        try
        {
            for (int u = 0; u < users; u++)
            {
                var connection = new HubConnectionBuilder().WithUrl(new Uri(server, "/hubs/jobs")).Build();
                await connection.StartAsync(ct);
                connections.Add(connection);
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

    private static async Task<UserRun> UserAsync(HubConnection hub, int user, int jobs, int steps, CancellationToken ct)
    {
        var submits = new List<double>();
        var latencies = new List<double>();
        int completed = 0;
        for (int j = 0; j < jobs; j++)
        {
            long start = Stopwatch.GetTimestamp();
            var submitted = await hub.InvokeAsync<JsonElement>("Submit", new
            {
                images = Array.Empty<string>(),
                request = new { mode = "generate", prompt = "a red circle", seed = (ulong)(user * 1000 + j), steps, previews = false },
            }, ct);
            submits.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            string state = "";
            await foreach (var update in hub.StreamAsync<JsonElement>("Watch", submitted.GetProperty("id").GetString(), ct))
            {
                state = update.GetProperty("state").GetString() ?? "";
            }
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            completed += state == "completed" ? 1 : 0;
        }
        return new UserRun(submits, latencies, completed);
    }
}
