using System.Diagnostics;
using DreamOmni2.Client;
using DreamOmni2.Contracts;

namespace DreamOmni2.Cli.Bench;

/// <summary>Who the clients are: one access token each (in turn, when there are fewer tokens than clients), or none.</summary>
internal sealed record LoadSettings(Uri Server, int Clients, int JobsPerClient, int? Steps, IReadOnlyList<string?> Tokens, TimeSpan Timeout, TimeSpan Settle)
{
    public string? TokenOf(int client) => Tokens.Count == 0 ? null : Tokens[client % Tokens.Count];
}

/// <summary>
/// A burst of clients on one running server, through the real client: one uncounted warm-up job (the first job pays
/// for JIT compilation and ONNX Runtime's arenas), the server's memory, every client submitting all its jobs at once
/// and watching them, the memory sampled throughout, each accepted job looked up on the server afterwards, and the
/// memory again once the server has been idle for the settle time.
/// </summary>
internal static class LoadBenchmark
{
    public static async Task<LoadResult> RunAsync(LoadSettings settings, TextWriter progress, CancellationToken ct)
    {
        await using var monitor = await PlaygroundClient.ConnectAsync(settings.Server, settings.TokenOf(0), ct);
        await WarmUpAsync(monitor, settings.Steps, ct);
        var sampler = new ServerSampler(monitor);
        await sampler.SampleBeforeAsync(ct);

        var clients = new List<PlaygroundClient>(settings.Clients);
        IReadOnlyList<ClientRun> runs;
        Dictionary<string, JobState?> finalStates;
        var elapsed = Stopwatch.StartNew();
        try
        {
            for (int c = 0; c < settings.Clients; c++)
            {
                clients.Add(await PlaygroundClient.ConnectAsync(settings.Server, settings.TokenOf(c), ct));
            }
            await progress.WriteLineAsync($"{clients.Count} clients connected; submitting {settings.Clients * settings.JobsPerClient} jobs");
            using var sampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var during = sampler.SampleDuringAsync(sampling.Token);
            elapsed.Restart();
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                limit.CancelAfter(settings.Timeout);
                runs = await Task.WhenAll(clients.Select((client, c) => LoadClient.RunAsync(client, c, settings.JobsPerClient, settings.Steps, limit.Token)));
            }
            ct.ThrowIfCancellationRequested();
            elapsed.Stop();
            await sampling.CancelAsync();
            await during;
            finalStates = await FinalStatesAsync(clients, runs, ct);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }

        if (sampler.Available && settings.Settle > TimeSpan.Zero)
        {
            await progress.WriteLineAsync($"waiting {settings.Settle.TotalSeconds:0} s for the server to settle");
            await Task.Delay(settings.Settle, ct);
        }
        return new LoadResult(runs, finalStates, await sampler.SampleAfterAsync(ct), elapsed.Elapsed);
    }

    private static async Task WarmUpAsync(PlaygroundClient client, int? steps, CancellationToken ct)
    {
        var job = await client.SubmitAsync(LoadClient.Job(-1, 0, steps), ct);
        await foreach (var _ in client.WatchAsync(job.Id, ct))
        {
        }
    }

    /// <summary>
    /// Each accepted job's state as the server has it now, asked by the client that submitted it (a job is shown only
    /// to its owner); null where the server answers nothing, as for a job it does not know.
    /// </summary>
    private static async Task<Dictionary<string, JobState?>> FinalStatesAsync(List<PlaygroundClient> clients, IReadOnlyList<ClientRun> runs, CancellationToken ct)
    {
        var states = new Dictionary<string, JobState?>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            foreach (string id in run.Submits.Select(s => s.JobId).OfType<string>().Where(id => !states.ContainsKey(id)))
            {
                states[id] = await StateOnServerAsync(clients[run.Client], id, ct);
            }
        }
        return states;
    }

    private static async Task<JobState?> StateOnServerAsync(PlaygroundClient client, string id, CancellationToken ct)
    {
        await foreach (var update in client.WatchAsync(id, ct))
        {
            // The first update is the job's state now; a job still running would make the watch wait for its end.
            return update.Id == id ? update.State : null;
        }
        return null;
    }
}
