using System.Net;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Auth;
using DreamOmni2.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DreamOmni2.Server.Tests.Auth;

public sealed class AdminTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task The_users_page_is_for_admins_only()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: AdminSettings());
        using var ann = await SignedInClient.SignInAsync(host, "ann");
        using var bob = await SignedInClient.SignInAsync(host, "bob");

        using var shown = await ann.Http.GetAsync("/admin/users");
        using var refused = await bob.Http.GetAsync("/admin/users");
        using var stranger = await SignedInClient.Anonymous(host).Http.GetAsync("/admin/users");
        using var strangerQueue = await SignedInClient.Anonymous(host).Http.GetAsync("/queue");

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("data-user=\"bob\"", await shown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("data-user", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, strangerQueue.StatusCode);
    }

    [Fact]
    public async Task The_queue_shows_everyones_places_but_only_your_own_instructions_and_an_admin_may_stop_any_job()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: AdminSettings());
        var tokens = host.Services.GetRequiredService<AccessTokens>();
        await using var ann = await host.ConnectHubAsync(tokens.Create("ann", "admin script").Token);
        await using var bob = await host.ConnectHubAsync(tokens.Create("bob", "batch").Token);
        await using var cat = await host.ConnectHubAsync(tokens.Create("cat", "batch").Token);
        var running = await bob.InvokeAsync<JobUpdate>(nameof(JobsHub.Submit), Submissions.Of(GenerationMode.Generate, [], "bob's secret circle", prompt: "bob's secret circle", steps: RequestLimits.MaxSteps));
        var started = await host.Jobs.WatchUntilAsync("bob", running.Id, s => s.State != JobState.Queued);
        Assert.True(started.State == JobState.Running, $"{started.State}: {started.Record.Outcome.Error?.Message}");
        var queued = await bob.InvokeAsync<JobUpdate>(nameof(JobsHub.Submit), Submissions.Of(GenerationMode.Generate, [], "bob's second secret", prompt: "bob's second secret", steps: 1));
        var mine = await cat.InvokeAsync<JobUpdate>(nameof(JobsHub.Submit), Submissions.Of(GenerationMode.Generate, [], "cat's square", prompt: "cat's square", steps: 1));

        var seenByCat = await cat.InvokeAsync<IReadOnlyList<QueueEntry>>(nameof(JobsHub.Queue));
        var seenByAnn = await ann.InvokeAsync<IReadOnlyList<QueueEntry>>(nameof(JobsHub.Queue));
        using var catClient = await SignedInClient.SignInAsync(host, "cat");
        string catPage = await catClient.Http.GetStringAsync("/queue");

        Assert.Equal(3, seenByCat.Count);
        Assert.All(seenByCat.Where(e => e.Owner == "bob"), e => Assert.True(e is { Id: null, Instruction: null, Mine: false }));
        Assert.Equal(mine.Id, seenByCat.Single(e => e.Mine).Id);
        Assert.Equal([null, 1, 2], seenByCat.Select(e => e.Position));
        Assert.DoesNotContain("secret", catPage);
        Assert.Contains("cat&#x27;s square", catPage);
        Assert.Contains(seenByAnn, e => e.Instruction == "bob's secret circle" && e.Id == running.Id);

        Assert.False(await cat.InvokeAsync<bool>(nameof(JobsHub.Cancel), running.Id));
        Assert.False(await cat.InvokeAsync<bool>(nameof(JobsHub.Remove), queued.Id));
        Assert.True(await ann.InvokeAsync<bool>(nameof(JobsHub.Remove), queued.Id));
        Assert.True(await ann.InvokeAsync<bool>(nameof(JobsHub.Cancel), running.Id));

        var cancelled = await host.Jobs.WatchUntilAsync("bob", running.Id, s => s.State.IsFinished());
        Assert.Equal(JobState.Cancelled, cancelled.State);
        Assert.Equal("ann", cancelled.Record.Outcome.StoppedBy);
        Assert.Equal("ann", host.Jobs.Find("bob", queued.Id)!.Outcome.StoppedBy);
        Assert.Equal(JobState.Removed, host.Jobs.Find("bob", queued.Id)!.State);
    }

    private static Dictionary<string, string?> AdminSettings()
    {
        var settings = SignedInClient.HostedSettings("ann", "bob", "cat");
        settings["Playground:Admins:0"] = "ann";
        return settings;
    }

    public void Dispose() => _data.Dispose();
}
