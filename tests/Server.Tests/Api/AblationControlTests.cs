using DreamOmni2.Contracts;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Auth;
using DreamOmni2.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DreamOmni2.Server.Tests.Api;

/// <summary>A whole ablation grid is stopped or taken out of the queue in one call, only by its owner.</summary>
public sealed class AblationControlTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task One_call_stops_every_cell_of_a_grid_the_running_one_and_the_queued_ones()
    {
        using var host = StartSlow(SignedInClient.HostedSettings("ann", "bob"));
        await using var ann = await host.ConnectHubAsync(Token(host, "ann"));
        var cells = await ann.InvokeAsync<IReadOnlyList<string>>(nameof(JobsHub.SubmitAblation), LongGrid());
        await host.Jobs.WatchUntilAsync("ann", cells[0], s => s is { State: JobState.Running, Step: > 0 });
        string grid = host.Jobs.Find("ann", cells[0])!.Spec.AblationGroup!;

        int stopped = await ann.InvokeAsync<int>(nameof(JobsHub.CancelAblation), grid);

        Assert.Equal(4, stopped);
        var ends = new List<JobState>();
        foreach (string cell in cells)
        {
            ends.Add((await host.Jobs.WatchUntilAsync("ann", cell, s => s.State.IsFinished())).State);
        }
        Assert.Equal([JobState.Cancelled, JobState.Removed, JobState.Removed, JobState.Removed], ends);
    }

    [Fact]
    public async Task Removing_a_grid_takes_its_queued_cells_out_and_leaves_the_running_one()
    {
        using var host = StartSlow([]);
        await using var hub = await host.ConnectHubAsync();
        var cells = await hub.InvokeAsync<IReadOnlyList<string>>(nameof(JobsHub.SubmitAblation), LongGrid());
        await host.Jobs.WatchUntilAsync(LocalUser.Name, cells[0], s => s is { State: JobState.Running, Step: > 0 });

        // A program knows the cells' ids, not the grid's: any cell names its grid.
        int removed = await hub.InvokeAsync<int>(nameof(JobsHub.RemoveAblation), cells[2]);

        Assert.Equal(3, removed);
        Assert.Equal(JobState.Running, host.Jobs.Find(LocalUser.Name, cells[0])!.State);
        Assert.All(cells.Skip(1), cell => Assert.Equal(JobState.Removed, host.Jobs.Find(LocalUser.Name, cell)!.State));
        Assert.Equal(1, await hub.InvokeAsync<int>(nameof(JobsHub.CancelAblation), cells[0]));
        await host.Jobs.WatchUntilAsync(LocalUser.Name, cells[0], s => s.State.IsFinished());
        Assert.Equal(0, await hub.InvokeAsync<int>(nameof(JobsHub.CancelAblation), cells[0]));
    }

    [Fact]
    public async Task A_stranger_cannot_stop_or_remove_someone_elses_grid()
    {
        using var host = StartSlow(SignedInClient.HostedSettings("ann", "bob"));
        await using var ann = await host.ConnectHubAsync(Token(host, "ann"));
        await using var bob = await host.ConnectHubAsync(Token(host, "bob"));
        var cells = await ann.InvokeAsync<IReadOnlyList<string>>(nameof(JobsHub.SubmitAblation), LongGrid());
        string grid = host.Jobs.Find("ann", cells[0])!.Spec.AblationGroup!;

        foreach (var (method, id) in new[] { (nameof(JobsHub.CancelAblation), grid), (nameof(JobsHub.RemoveAblation), cells[1]), (nameof(JobsHub.CancelAblation), new string('f', 5000)) })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => bob.InvokeAsync<int>(method, id));
            Assert.Contains("no ablation grid of yours has that id", refused.Message);
        }
        Assert.All(cells, cell => Assert.False(host.Jobs.Find("ann", cell)!.State.IsFinished()));
        Assert.Equal(4, await ann.InvokeAsync<int>(nameof(JobsHub.CancelAblation), grid));
    }

    /// <summary>A server on the slow fixture: with the longest run allowed, the grid is still going while the test acts on it.</summary>
    private PlaygroundHost StartSlow(Dictionary<string, string?> settings)
    {
        settings["Playground:PackPath"] = SlowFixture.Create(_data.Path);
        return PlaygroundHost.Start(_data.Path, settings: settings);
    }

    /// <summary>The longest run allowed, so the grid is still going while the test acts on it.</summary>
    private static JobSubmission LongGrid() =>
        Submissions.Of(GenerationMode.Generate, [], "a red circle", prompt: "a red circle", steps: Contracts.RequestLimits.MaxSteps);

    private static string Token(PlaygroundHost host, string user) => host.Services.GetRequiredService<AccessTokens>().Create(user, "grid test").Token;

    public void Dispose() => _data.Dispose();
}
