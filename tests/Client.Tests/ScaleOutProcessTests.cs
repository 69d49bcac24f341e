using DreamOmni2.Contracts;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Storage;
using DreamOmni2.TestSupport;

namespace DreamOmni2.Client.Tests;

/// <summary>
/// Two web front ends and two workers, each a server process of its own as an operator runs them, on one PostgreSQL
/// database and one Redis; users reach them only through the .NET client, as programs do.
/// </summary>
public sealed class ScaleOutProcessTests : IDisposable
{
    private readonly TempFolder _data = new();

    [ScaleOutFact]
    public async Task Jobs_of_several_users_run_once_previews_reach_the_other_front_end_and_a_cancel_there_reaches_the_worker()
    {
        using var postgres = new TestPostgres();
        var (annToken, bobToken) = TokensOfAnnAndBob(postgres);
        var shared = new Dictionary<string, string>
        {
            ["Playground__Postgres"] = postgres.ConnectionString,
            ["Playground__Redis"] = TestRedis.Server!,
            ["Playground__DataPath"] = _data.Path,
            ["Playground__Hosted"] = "true",
            ["Logging__LogLevel__Default"] = "Information",
        };
        var web = new Dictionary<string, string>(shared) { ["Playground__Role"] = "Web" };
        using var web1 = await RunningServer.StartAsync(web);
        using var web2 = await RunningServer.StartAsync(web);
        using var worker1 = await RunningServer.StartAsync(shared, "worker");
        using var worker2 = await RunningServer.StartAsync(shared, "worker");
        await using var ann1 = await PlaygroundClient.ConnectAsync(web1.BaseAddress, annToken);
        await using var bob1 = await PlaygroundClient.ConnectAsync(web1.BaseAddress, bobToken);
        await using var ann2 = await PlaygroundClient.ConnectAsync(web2.BaseAddress, annToken);

        var jobs = new List<(PlaygroundClient Client, string Id)>();
        for (int i = 0; i < 3; i++)
        {
            foreach (var client in new[] { ann1, bob1 })
            {
                jobs.Add((client, (await client.SubmitAsync(Submissions.Of(GenerationMode.Generate, [], "a circle", prompt: "a circle", seed: (ulong)i, steps: 300))).Id));
            }
        }
        var followed = await ann2.WatchAsync(jobs[^2].Id).ToListAsync();
        foreach (var (client, id) in jobs)
        {
            Assert.Equal(JobState.Completed, (await client.WatchAsync(id).LastAsync()).State);
        }
        var longJob = await ann1.SubmitAsync(Submissions.Of(GenerationMode.Generate, [], "a long circle", prompt: "a long circle", steps: 1000));
        await ann2.WatchAsync(longJob.Id).FirstAsync(u => u is { State: JobState.Running, Step: > 0 });
        Assert.True(await ann2.CancelAsync(longJob.Id));
        var cancelled = await ann1.WatchAsync(longJob.Id).LastAsync();

        Assert.Contains(followed, u => u.State == JobState.Running && u.PreviewUrl is not null);
        Assert.Equal(JobState.Completed, followed[^1].State);
        Assert.Equal(JobState.Cancelled, cancelled.State);
        var completions = worker1.Lines.Concat(worker2.Lines).Where(line => line.Contains(" completed in ")).ToList();
        Assert.All(jobs, job => Assert.Single(completions, line => line.Contains($"Job {job.Id} completed")));
        Assert.DoesNotContain(web1.Lines.Concat(web2.Lines), line => line.Contains(" completed in "));
    }

    [ScaleOutFact]
    public async Task A_job_whose_front_end_is_killed_before_it_translated_the_instruction_is_translated_and_run_by_a_worker()
    {
        using var postgres = new TestPostgres();
        var (annToken, _) = TokensOfAnnAndBob(postgres);
        await using var vlm = await FakeOpenAiServer.StartAsync((_, context) => Task.Delay(Timeout.Infinite, context.RequestAborted));
        var shared = new Dictionary<string, string>
        {
            ["Playground__Postgres"] = postgres.ConnectionString,
            ["Playground__Redis"] = TestRedis.Server!,
            ["Playground__DataPath"] = _data.Path,
            ["Playground__Hosted"] = "true",
            ["Playground__WorkerLease"] = "00:00:03",
            ["Logging__LogLevel__Default"] = "Information",
        };
        var web = new Dictionary<string, string>(shared)
        {
            ["Playground__Role"] = "Web",
            ["Translation__Vlm__Endpoint"] = vlm.Endpoint.ToString(),
            ["Translation__Vlm__Model"] = "never-answers",
        };
        using var worker = await RunningServer.StartAsync(shared, "worker");
        using var first = await RunningServer.StartAsync(web);
        string id;
        await using (var ann = await PlaygroundClient.ConnectAsync(first.BaseAddress, annToken))
        {
            id = (await ann.SubmitAsync(Submissions.Of(GenerationMode.Generate, [], "a red circle", steps: 4))).Id;
            while (vlm.Requests.Count == 0)
            {
                await Task.Delay(50);
            }
            // Two leases long: the front end that lives keeps its translation.
            await Task.Delay(TimeSpan.FromSeconds(6));
            Assert.Equal(JobState.Queued, (await ann.WatchAsync(id).FirstAsync()).State);
        }
        Assert.DoesNotContain(worker.Lines, line => line.Contains($"Job {id}: translating"));

        first.Kill();
        using var second = await RunningServer.StartAsync(web);
        await using var again = await PlaygroundClient.ConnectAsync(second.BaseAddress, annToken);
        // Without a process to translate it, the job would wait for ever.
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var done = await again.WatchAsync(id, patience.Token).LastAsync();

        Assert.Equal(JobState.Completed, done.State);
        Assert.Contains("red circle", done.Prompt);
        Assert.Single(worker.Lines, line => line.Contains($"Job {id}: translating its instruction here"));
        Assert.Single(worker.Lines, line => line.Contains($"Job {id} completed"));
    }

    private static (string Ann, string Bob) TokensOfAnnAndBob(TestPostgres postgres)
    {
        using var database = PlaygroundDatabase.Postgres(postgres.ConnectionString);
        var accounts = new UserAccounts(database, TimeProvider.System);
        var tokens = new AccessTokens(database, TimeProvider.System);
        accounts.Add("ann", "ann's long password", Roles.User);
        accounts.Add("bob", "bob's long password", Roles.User);
        return (tokens.Create("ann", "test").Token, tokens.Create("bob", "test").Token);
    }

    public void Dispose() => _data.Dispose();
}
