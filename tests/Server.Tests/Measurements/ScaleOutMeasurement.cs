using System.Diagnostics;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Pipeline;
using DreamOmni2.Engine.Runtime;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Storage;
using DreamOmni2.Server.Tests.Storage;
using DreamOmni2.TestSupport;
using Xunit.Abstractions;

namespace DreamOmni2.Server.Tests.Measurements;

/// <summary>
/// What scaling out gives and costs, on the default pack (packs/tiny, else packs/fixture): the throughput of one and
/// of two worker processes (one ONNX Runtime thread each), alternated so load on the machine falls on both alike; the
/// time from a step's end on a worker process to its frame reaching a viewer on a web front end in another process;
/// and what the store's work for one job costs on PostgreSQL and on SQLite. Beside the workers, the machine's own
/// ceiling: the same jobs on the engine alone, one and two at once, with no server, store or previews between them.
/// </summary>
public sealed class ScaleOutMeasurement(ITestOutputHelper output) : IDisposable
{
    private const int Jobs = 12;
    private const int Steps = 300;
    private const int Rounds = 3;
    private readonly TempFolder _data = new();

    [MeasurementFact]
    public async Task Two_workers_against_one_cross_process_previews_and_the_shared_store()
    {
        Assert.True(TestPostgres.Available && TestRedis.Server is not null, "needs DREAMOMNI2_TEST_POSTGRES and DREAMOMNI2_TEST_REDIS (tools/test-servers.sh start DIR)");
        var one = new List<double>();
        var two = new List<double>();
        var engineOne = new List<double>();
        var engineTwo = new List<double>();
        var latencies = new List<double>();
        for (int round = 0; round < Rounds; round++)
        {
            one.Add(await JobsPerMinuteAsync(1, latencies));
            two.Add(await JobsPerMinuteAsync(2, latencies));
            engineOne.Add(await EngineJobsPerMinuteAsync(1));
            engineTwo.Add(await EngineJobsPerMinuteAsync(2));
        }
        output.WriteLine($"{Jobs} jobs of {Steps} steps, {Rounds} rounds alternated: one worker {Median(one):0.0} jobs/min, two workers {Median(two):0.0} jobs/min, ratio {Median(two) / Median(one):0.00}x (per round: {string.Join(", ", one.Zip(two, (a, b) => $"{b / a:0.00}x"))})");
        output.WriteLine($"the engine alone, same jobs: one at a time {Median(engineOne):0.0} jobs/min, two at once {Median(engineTwo):0.0} jobs/min, ratio {Median(engineTwo) / Median(engineOne):0.00}x (per round: {string.Join(", ", engineOne.Zip(engineTwo, (a, b) => $"{b / a:0.00}x"))})");
        latencies.Sort();
        output.WriteLine($"step end on a worker process to the frame at a viewer on the web process: median {Median(latencies):0.0} ms, p90 {latencies[(int)(latencies.Count * 0.9)]:0.0} ms, max {latencies[^1]:0.0} ms over {latencies.Count} frames");
        output.WriteLine(StoreCost());
    }

    private async Task<double> JobsPerMinuteAsync(int workers, List<double> latencies)
    {
        using var postgres = new TestPostgres();
        var environment = new Dictionary<string, string>
        {
            ["Playground__Postgres"] = postgres.ConnectionString,
            ["Playground__Redis"] = TestRedis.Server!,
            ["Playground__DataPath"] = _data.Path,
            ["Playground__PackPath"] = "",
            ["Playground__IntraOpThreads"] = "1",
        };
        var processes = new List<RunningServer>();
        for (int i = 0; i < workers; i++)
        {
            processes.Add(await RunningServer.StartAsync(environment, "worker"));
        }
        using var web = PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?>
        {
            ["Playground:Postgres"] = postgres.ConnectionString,
            ["Playground:Redis"] = TestRedis.Server,
            ["Playground:Role"] = "Web",
            ["Playground:PackPath"] = "",
            ["Playground:MaxQueuedPerUser"] = "64",
        });
        try
        {
            var clock = Stopwatch.StartNew();
            var submitted = Enumerable.Range(0, Jobs)
                .Select(i => web.Jobs.Submit($"user{i % 4}", Submissions.Of(GenerationMode.Generate, [], "a red circle", prompt: "a red circle", seed: (ulong)i, steps: Steps)))
                .ToList();
            int seenStep = 0;
            await foreach (var snapshot in web.Jobs.WatchAsync(submitted[0].Owner, submitted[0].Id, CancellationToken.None))
            {
                if (snapshot.Preview is { } preview && preview.Step != seenStep && snapshot.State == JobState.Running)
                {
                    seenStep = preview.Step;
                    latencies.Add(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - preview.StepEndedUnixMilliseconds);
                }
            }
            foreach (var job in submitted)
            {
                Assert.Equal(JobState.Completed, (await web.Jobs.WatchUntilAsync(job.Owner, job.Id, s => s.State.IsFinished())).State);
            }
            return Jobs / clock.Elapsed.TotalMinutes;
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Dispose();
            }
        }
    }

    /// <summary>The workers' jobs on the engine alone: <paramref name="engines"/> sets of sessions (one ONNX Runtime thread each) side by side.</summary>
    private static async Task<double> EngineJobsPerMinuteAsync(int engines)
    {
        var layout = RepositoryLayout.Find(AppContext.BaseDirectory);
        var pack = ModelPack.Load(layout.PackFolder(null));
        var sessions = Enumerable.Range(0, engines).Select(_ => PackSessions.Open(pack, maxIntraOpThreads: 1)).ToList();
        try
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(sessions.Select((engine, e) => Task.Run(async () =>
            {
                var pipeline = new KontextPipeline(engine);
                for (int i = e; i < Jobs; i += engines)
                {
                    var request = new GenerationRequest { Mode = GenerationMode.Generate, Prompt = "a red circle", Seed = (ulong)i, Steps = Steps };
                    await foreach (var step in pipeline.RunAsync(PipelineInput.ForPrompt(engine.Rules, request, [])))
                    {
                        Assert.IsNotType<PipelineEvent.Failed>(step);
                    }
                }
            })));
            return Jobs / clock.Elapsed.TotalMinutes;
        }
        finally
        {
            sessions.ForEach(s => s.Dispose());
        }
    }

    /// <summary>The store's statements for one job's life (insert, claim, start, finish), timed on both stores.</summary>
    private string StoreCost()
    {
        const int lifecycles = 300;
        var costs = new Dictionary<string, double>();
        using var fixture = new StoreFixture();
        foreach (string store in new[] { StoreKindsAttribute.Sqlite, StoreKindsAttribute.Postgres })
        {
            var database = fixture.Open(store);
            var jobs = new JobRepository(database);
            var queue = new SharedJobQueue(database, jobs, TimeProvider.System, TimeSpan.FromSeconds(30));
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < lifecycles; i++)
            {
                var job = fixture.Job($"user{i % 4}", "a circle");
                jobs.Insert(job);
                var (lease, claimed) = queue.Claim("w", "tiny")!.Value;
                queue.Update(lease, claimed with { Outcome = claimed.Outcome with { Started = DateTimeOffset.UtcNow } });
                queue.Update(lease, claimed with { State = JobState.Completed });
            }
            costs[store] = clock.Elapsed.TotalMilliseconds / lifecycles;
        }
        return $"the store's work for one job (insert, claim, start, finish): SQLite {costs[StoreKindsAttribute.Sqlite]:0.00} ms, PostgreSQL {costs[StoreKindsAttribute.Postgres]:0.00} ms on loopback";
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    public void Dispose() => _data.Dispose();
}
