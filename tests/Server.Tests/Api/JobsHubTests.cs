using DreamOmni2.Contracts;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Jobs;
using DreamOmni2.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;

namespace DreamOmni2.Server.Tests.Api;

public sealed class JobsHubTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task The_hub_streams_a_jobs_steps_through_to_its_result()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        var image = await host.UploadAsync(TestImages.Png(128, 128, 7));
        await using var hub = await host.ConnectHubAsync();

        // The longest run allowed, so the job cannot finish before the watch call reaches the server.
        var submitted = await hub.InvokeAsync<JobUpdate>(nameof(JobsHub.Submit),
            Submissions.Of(GenerationMode.Generate, [image.Hash], "a red circle", seed: 42, steps: RequestLimits.MaxSteps));
        var updates = new List<JobUpdate>();
        using var timeout = new CancellationTokenSource(JobWaits.Timeout);
        await foreach (var update in hub.StreamAsync<JobUpdate>(nameof(JobsHub.Watch), submitted.Id, timeout.Token))
        {
            updates.Add(update);
        }

        var steps = updates.Where(u => u.Step > 0).Select(u => u.Step).ToList();
        Assert.NotEmpty(steps);
        Assert.Equal(steps.Order(), steps);
        Assert.Contains(updates, u => u.PreviewUrl is not null);
        var last = updates[^1];
        Assert.Equal(JobState.Completed, last.State);
        Assert.Equal(42ul, last.Seed);
        Assert.Equal(JobUrls.Result(submitted.Id), last.ResultUrl);
    }

    [Fact]
    public async Task The_hub_refuses_a_bad_submission_with_its_reason()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        await using var hub = await host.ConnectHubAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() =>
            hub.InvokeAsync<JobUpdate>(nameof(JobsHub.Submit), Submissions.Of(GenerationMode.Edit, [], "make it red")));

        Assert.Contains("an edit needs the image to edit", refused.Message);
    }

    public void Dispose() => _data.Dispose();
}
