using System.Net;
using System.Net.Http.Json;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Jobs;
using DreamOmni2.TestSupport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace DreamOmni2.Server.Tests.Security;

/// <summary>What one user can take of a shared server: uploads, submissions, storage, watches, queue places and worker time.</summary>
public sealed class LimitTests : IDisposable
{
    private const string Owner = LocalUser.Name;
    private readonly TempFolder _data = new();

    [Fact]
    public async Task Uploads_past_the_rate_are_refused_with_429_and_retry_after()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?> { ["Playground:RateLimits:UploadsPerMinute"] = "3" });
        using var http = host.Http();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (int i = 0; i < 5; i++)
        {
            last?.Dispose();
            last = await http.PostAsync(FileEndpoints.UploadPath, PlaygroundHost.UploadContent(TestImages.Png(32, 32, i), $"{i}.png"));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(last!.Headers.RetryAfter);
        Assert.Contains("you have uploaded 3 images in the last minute", (await last.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        last.Dispose();
    }

    [Fact]
    public async Task An_upload_past_the_storage_quota_says_how_much_is_used_and_how_to_free_it()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?> { ["Playground:StorageQuotaBytes"] = "40000" });
        using var http = host.Http();
        await host.UploadAsync(TestImages.Noise(64, 64, 1));

        using var refused = await http.PostAsync(FileEndpoints.UploadPath, PlaygroundHost.UploadContent(TestImages.Noise(96, 96, 2), "big.png"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        string detail = (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail!;
        Assert.Matches(@"^your images and results take up [\d.]+ KB of your 39 KB; this upload needs [\d.]+ KB more — delete jobs", detail);
    }

    [Fact]
    public async Task Submitting_faster_than_the_rate_is_refused_through_the_hub()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?> { ["Playground:RateLimits:SubmitsPerMinute"] = "2" });
        await using var hub = await host.ConnectHubAsync();
        var submission = Submissions.Of(GenerationMode.Generate, [], "a red circle", steps: 1);

        await hub.InvokeAsync<JobUpdate>(nameof(JobsHub.Submit), submission);
        await hub.InvokeAsync<JobUpdate>(nameof(JobsHub.Submit), submission);
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JobUpdate>(nameof(JobsHub.Submit), submission));

        Assert.Contains("you have submitted 2 jobs in the last minute", refused.Message);
    }

    [Fact]
    public async Task A_full_personal_share_of_the_queue_is_told_apart_from_a_full_server_and_names_no_global_count()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?> { ["Playground:MaxQueuedPerUser"] = "1" });
        var running = host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Generate, [], "a red circle", steps: RequestLimits.MaxSteps));
        await host.Jobs.WatchUntilAsync(Owner, running.Id, s => s.State == JobState.Running);
        var waiting = host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Generate, [], "a blue circle"));

        var refused = Assert.Throws<Refusals.RefusalException>(() => host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Generate, [], "a green circle")));

        Assert.Equal(429, refused.StatusCode);
        Assert.Equal("you already have 1 jobs waiting, and one person may queue 1 — wait for one to finish or remove one", refused.Message);
        Assert.True(host.Jobs.Remove(Owner, waiting.Id));
        Assert.True(host.Jobs.Cancel(Owner, running.Id));
    }

    [Fact]
    public async Task One_connection_may_watch_only_so_many_jobs_at_once()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?> { ["Playground:MaxWatchesPerConnection"] = "2" });
        var job = host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Generate, [], "a red circle", steps: RequestLimits.MaxSteps));
        await using var hub = await host.ConnectHubAsync();
        using var stop = new CancellationTokenSource();
        var watches = Enumerable.Range(0, 2).Select(_ => hub.StreamAsync<JobUpdate>(nameof(JobsHub.Watch), job.Id, stop.Token).GetAsyncEnumerator()).ToList();
        foreach (var watch in watches)
        {
            Assert.True(await watch.MoveNextAsync());
        }

        var refused = await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var _ in hub.StreamAsync<JobUpdate>(nameof(JobsHub.Watch), job.Id, stop.Token))
            {
            }
        });

        Assert.Contains("this connection already watches 2 jobs", refused.Message);
        await stop.CancelAsync();
        host.Jobs.Cancel(Owner, job.Id);
    }

    [Fact]
    public async Task A_job_past_its_time_budget_fails_saying_so_and_the_worker_moves_on()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?> { ["Playground:MaxJobDuration"] = "00:00:00.1" });
        var slow = host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Generate, [], "a red circle", steps: RequestLimits.MaxSteps));
        var quick = host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Generate, [], "a blue circle", steps: 1));

        var failed = await host.Jobs.WatchUntilAsync(Owner, slow.Id, s => s.State.IsFinished());
        var done = await host.Jobs.WatchUntilAsync(Owner, quick.Id, s => s.State.IsFinished());

        Assert.Equal(JobState.Failed, failed.State);
        Assert.Matches(@"^the job ran past this server's time budget of 0.1 seconds after \d+ of 1000 steps — run fewer steps", failed.Record.Outcome.Error!.Message);
        Assert.Equal(JobState.Completed, done.State);
    }

    [Fact]
    public async Task A_vlm_that_never_answers_holds_up_only_its_own_job()
    {
        await using var vlm = await FakeOpenAiServer.StartAsync((_, context) => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var host = PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?>
        {
            ["Translation:Vlm:Endpoint"] = vlm.Endpoint.ToString(),
            ["Translation:Vlm:Model"] = "loopback-vlm",
        });
        var stuck = host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Generate, [], "a red circle", steps: 1));
        var locked = host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Generate, [], "a blue circle", prompt: "a blue circle", steps: 1));

        var done = await host.Jobs.WatchUntilAsync(Owner, locked.Id, s => s.State.IsFinished());

        Assert.Equal(JobState.Completed, done.State);
        Assert.Equal(JobState.Queued, host.Jobs.Find(Owner, stuck.Id)!.State);
        Assert.True(host.Jobs.Remove(Owner, stuck.Id));
    }

    [Fact]
    public async Task Job_start_and_finish_are_logged_with_timings_and_refusals_without_stack_traces()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        await using var hub = await host.ConnectHubAsync();
        var job = host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Generate, [], "a red circle", steps: 2));
        await host.Jobs.WatchUntilAsync(Owner, job.Id, s => s.State.IsFinished());
        for (int i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JobUpdate>(nameof(JobsHub.Submit), Submissions.Of(GenerationMode.Edit, [], "x")));
        }

        var entries = host.Logs.Entries;
        Assert.Contains(entries, e => e.Level == LogLevel.Information && e.Message.StartsWith($"Job {job.Id} of local started: generate, 0 images, 2 steps"));
        Assert.Contains(entries, e => e.Level == LogLevel.Information && e.Message.StartsWith($"Job {job.Id} completed in ") && e.Message.Contains("denoise"));
        Assert.Equal(5, entries.Count(e => e.Level == LogLevel.Information && e.Message.StartsWith("Refused Submit from local")));
        Assert.DoesNotContain(entries, e => e.Exception is not null || e.Level >= LogLevel.Error);
    }

    public void Dispose() => _data.Dispose();
}
