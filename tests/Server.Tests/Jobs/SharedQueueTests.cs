using DreamOmni2.Contracts;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Refusals;
using DreamOmni2.TestSupport;
using Microsoft.Extensions.Logging;

namespace DreamOmni2.Server.Tests.Jobs;

/// <summary>
/// Web front ends and workers as separate servers on one PostgreSQL database and one Redis: jobs run once, on the
/// workers, and their progress, previews and cancels cross between the processes.
/// </summary>
public sealed class SharedQueueTests : IDisposable
{
    private readonly TempFolder _data = new();

    [ScaleOutFact]
    public async Task Jobs_submitted_on_one_front_end_run_once_on_the_workers_and_a_viewer_on_the_other_sees_their_previews()
    {
        using var postgres = new TestPostgres();
        using var web1 = Start(postgres, "Web");
        using var web2 = Start(postgres, "Web");
        using var worker1 = Start(postgres, "Worker");
        using var worker2 = Start(postgres, "Worker");
        var submitted = new List<(string Owner, string Id)>();
        foreach (string owner in new[] { "ann", "bob", "ann", "bob", "ann", "bob" })
        {
            var job = web1.Jobs.Submit(owner, Submissions.Of(GenerationMode.Generate, [], $"{owner}'s circle", prompt: $"{owner}'s circle", steps: 300));
            submitted.Add((owner, job.Id));
        }

        var watched = new List<JobSnapshot>();
        await foreach (var snapshot in web2.Jobs.WatchAsync(submitted[^1].Owner, submitted[^1].Id, CancellationToken.None))
        {
            watched.Add(snapshot);
        }
        foreach (var (owner, id) in submitted)
        {
            await web2.Jobs.WatchUntilAsync(owner, id, s => s.State.IsFinished());
        }

        Assert.All(submitted, job => Assert.Equal(JobState.Completed, web1.Jobs.Find(job.Owner, job.Id)!.State));
        Assert.Contains(watched, s => s.State == JobState.Running && s.Preview is not null);
        Assert.Equal(JobState.Completed, watched[^1].State);
        var started = worker1.Logs.Entries.Concat(worker2.Logs.Entries)
            .Where(e => e.Level == LogLevel.Information && e.Message.StartsWith("Job ", StringComparison.Ordinal) && e.Message.Contains(" started: "))
            .Select(e => e.Message.Split(' ')[1]).ToList();
        Assert.Equal(submitted.Select(j => j.Id).Order(), started.Order());
        Assert.DoesNotContain(web1.Logs.Entries, e => e.Message.Contains(" started: "));
    }

    [ScaleOutFact]
    public async Task A_cancel_on_one_front_end_stops_the_job_a_worker_runs()
    {
        using var postgres = new TestPostgres();
        using var web1 = Start(postgres, "Web");
        using var web2 = Start(postgres, "Web");
        using var worker = Start(postgres, "Worker");
        var job = web1.Jobs.Submit("ann", Submissions.Of(GenerationMode.Generate, [], "a long circle", prompt: "a long circle", steps: RequestLimits.MaxSteps));
        await web2.Jobs.WatchUntilAsync("ann", job.Id, s => s is { State: JobState.Running, Step: > 0 });

        Assert.False(web2.Jobs.Cancel("bob", job.Id));
        Assert.True(web2.Jobs.Cancel("ann", job.Id));

        var done = await web1.Jobs.WatchUntilAsync("ann", job.Id, s => s.State.IsFinished());
        Assert.Equal(JobState.Cancelled, done.State);
        Assert.True(done.Step < RequestLimits.MaxSteps);
    }

    [ScaleOutFact]
    public async Task A_job_whose_worker_stops_mid_run_is_queued_again_and_finishes_on_the_other()
    {
        using var postgres = new TestPostgres();
        using var web = Start(postgres, "Web");
        var first = Start(postgres, "Worker");
        var job = web.Jobs.Submit("ann", Submissions.Of(GenerationMode.Generate, [], "a circle", prompt: "a circle", steps: 400));
        await web.Jobs.WatchUntilAsync("ann", job.Id, s => s is { State: JobState.Running, Step: > 0 });

        first.Dispose();
        using var second = Start(postgres, "Worker");
        var done = await web.Jobs.WatchUntilAsync("ann", job.Id, s => s.State.IsFinished());

        Assert.Equal(JobState.Completed, done.State);
        Assert.Contains(second.Logs.Entries, e => e.Message.StartsWith($"Job {job.Id} completed", StringComparison.Ordinal));
    }

    [ScaleOutFact]
    public async Task A_worker_process_killed_mid_job_leaves_it_to_the_other_which_finishes_it_once()
    {
        using var postgres = new TestPostgres();
        using var web = Start(postgres, "Web");
        var environment = new Dictionary<string, string>
        {
            ["Playground__Postgres"] = postgres.ConnectionString,
            ["Playground__Redis"] = TestRedis.Server!,
            ["Playground__DataPath"] = _data.Path,
            ["Playground__WorkerLease"] = "00:00:03",
            ["Logging__LogLevel__Default"] = "Information",
        };
        using var first = await RunningServer.StartAsync(environment, "worker");
        using var second = await RunningServer.StartAsync(environment, "worker");
        var job = web.Jobs.Submit("ann", Submissions.Of(GenerationMode.Generate, [], "a circle", prompt: "a circle", steps: RequestLimits.MaxSteps));
        await web.Jobs.WatchUntilAsync("ann", job.Id, s => s is { State: JobState.Running, Step: > 0 });
        var (holder, other) = first.Lines.Any(line => line.Contains($"Job {job.Id} of ann started")) ? (first, second) : (second, first);

        holder.Kill();
        var done = await web.Jobs.WatchUntilAsync("ann", job.Id, s => s.State.IsFinished());

        Assert.Equal(JobState.Completed, done.State);
        Assert.Contains(other.Lines, line => line.Contains($"Job {job.Id} completed"));
        Assert.Contains(other.Lines, line => line.Contains($"Job {job.Id} queued again"));
    }

    [ScaleOutFact]
    public async Task A_front_end_restarted_mid_job_follows_it_again()
    {
        using var postgres = new TestPostgres();
        using var worker = Start(postgres, "Worker");
        string id;
        using (var before = Start(postgres, "Web"))
        {
            id = before.Jobs.Submit("ann", Submissions.Of(GenerationMode.Generate, [], "a circle", prompt: "a circle", steps: RequestLimits.MaxSteps)).Id;
            await before.Jobs.WatchUntilAsync("ann", id, s => s is { State: JobState.Running, Step: > 0 });
        }
        using var after = Start(postgres, "Web");

        var running = await after.Jobs.WatchUntilAsync("ann", id, s => s.State != JobState.Queued);
        var done = await after.Jobs.WatchUntilAsync("ann", id, s => s.State.IsFinished());

        Assert.Equal(JobState.Running, running.State);
        Assert.Equal(JobState.Completed, done.State);
    }

    [ScaleOutFact]
    public async Task A_job_removed_on_a_front_end_that_never_held_it_ends_for_its_viewers_on_the_other()
    {
        using var postgres = new TestPostgres();
        using var web1 = Start(postgres, "Web");
        using var web2 = Start(postgres, "Web");
        var job = web1.Jobs.Submit("ann", Submissions.Of(GenerationMode.Generate, [], "a circle", prompt: "a circle"));
        var watch = web1.Jobs.WatchUntilAsync("ann", job.Id, s => s.State.IsFinished());

        Assert.False(web2.Jobs.Remove("bob", job.Id));
        Assert.True(web2.Jobs.Remove("ann", job.Id));

        Assert.Equal(JobState.Removed, (await watch).State);
    }

    [ScaleOutFact]
    public void The_queue_bounds_count_every_front_ends_jobs()
    {
        using var postgres = new TestPostgres();
        using var web1 = Start(postgres, "Web", maxQueuedPerUser: 2);
        using var web2 = Start(postgres, "Web", maxQueuedPerUser: 2);
        web1.Jobs.Submit("ann", Submissions.Of(GenerationMode.Generate, [], "a circle", prompt: "a circle"));
        web2.Jobs.Submit("ann", Submissions.Of(GenerationMode.Generate, [], "a square", prompt: "a square"));

        var refused = Assert.Throws<DreamOmni2.Server.Refusals.RefusalException>(() =>
            web1.Jobs.Submit("ann", Submissions.Of(GenerationMode.Generate, [], "a star", prompt: "a star")));

        Assert.StartsWith("you already have 2 jobs waiting, and one person may queue 2", refused.Message);
        web2.Jobs.Submit("bob", Submissions.Of(GenerationMode.Generate, [], "a star", prompt: "a star"));
    }

    [ScaleOutFact]
    public async Task A_grid_cancelled_on_one_front_end_stops_on_the_worker_and_leaves_the_queue()
    {
        using var postgres = new TestPostgres();
        using var web1 = Start(postgres, "Web");
        using var web2 = Start(postgres, "Web");
        using var worker = Start(postgres, "Worker");
        var cells = await web1.Jobs.SubmitAblationAsync("ann",
            Submissions.Of(GenerationMode.Generate, [], "a long circle", prompt: "a long circle", steps: RequestLimits.MaxSteps), CancellationToken.None);
        string grid = cells[0].Spec.AblationGroup!;
        // The worker takes the cells in its own order: wait until one of them runs.
        while (!web2.Jobs.Ablation("ann", grid).Any(cell => cell.State == JobState.Running))
        {
            await Task.Delay(20);
        }

        Assert.Throws<RefusalException>(() => web2.Jobs.CancelAblation("bob", grid));
        int stopped = web2.Jobs.CancelAblation("ann", grid);

        var ends = new List<JobState>();
        foreach (var cell in cells)
        {
            ends.Add((await web1.Jobs.WatchUntilAsync("ann", cell.Id, s => s.State.IsFinished())).State);
        }
        Assert.InRange(stopped, 1, 4);
        Assert.Equal(stopped, ends.Count(state => state is JobState.Cancelled or JobState.Removed));
        Assert.Equal(4 - stopped, ends.Count(state => state == JobState.Completed));
    }

    private PlaygroundHost Start(TestPostgres postgres, string role, int maxQueuedPerUser = 16) => PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?>
    {
        ["Playground:Postgres"] = postgres.ConnectionString,
        ["Playground:Redis"] = TestRedis.Server,
        ["Playground:Role"] = role,
        ["Playground:WorkerLease"] = "00:00:03",
        ["Playground:MaxQueuedPerUser"] = maxQueuedPerUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public void Dispose() => _data.Dispose();
}
