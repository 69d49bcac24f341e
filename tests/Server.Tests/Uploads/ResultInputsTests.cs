using DreamOmni2.Contracts;
using DreamOmni2.Server.Refusals;
using DreamOmni2.Server.Storage;
using DreamOmni2.Server.Uploads;
using DreamOmni2.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DreamOmni2.Server.Tests.Uploads;

/// <summary>A finished result taken as the next input becomes one of its owner's uploads, and nobody else's.</summary>
public sealed class ResultInputsTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_result_becomes_an_upload_of_its_owner_that_outlives_the_job()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann", "bob"));
        var job = host.Jobs.Submit("ann", Submissions.Of(GenerationMode.Generate, [], "a red circle", prompt: "a red circle", steps: 1));
        var done = await host.Jobs.WatchUntilAsync("ann", job.Id, s => s.State.IsFinished());
        var inputs = host.Services.GetRequiredService<ResultInputs>();

        var image = await inputs.AcceptAsync("ann", job.Id, 1, CancellationToken.None);

        Assert.Equal(done.Record.Outcome.ResultHash, image.Hash);
        Assert.NotNull(host.Services.GetRequiredService<UploadRepository>().Find("ann", image.Hash));
        Assert.True(host.Jobs.Delete("ann", job.Id));
        Assert.True(host.Services.GetRequiredService<ContentStore>().Contains(image.Hash));
        Assert.True(host.Services.GetRequiredService<FileOwnership>().Owns("ann", image.Hash));
    }

    [Fact]
    public async Task Someone_elses_job_an_unfinished_one_or_an_unknown_id_is_refused_as_unknown()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann", "bob"));
        var finished = host.Jobs.Submit("ann", Submissions.Of(GenerationMode.Generate, [], "a red circle", prompt: "a red circle", steps: 1));
        await host.Jobs.WatchUntilAsync("ann", finished.Id, s => s.State.IsFinished());
        var running = host.Jobs.Submit("ann", Submissions.Of(GenerationMode.Generate, [], "a long circle", prompt: "a long circle", steps: RequestLimits.MaxSteps));
        var inputs = host.Services.GetRequiredService<ResultInputs>();
        string resultHash = host.Jobs.Find("ann", finished.Id)!.Outcome.ResultHash!;

        foreach (var (owner, id) in new[] { ("bob", finished.Id), ("ann", running.Id), ("ann", "no-such-job"), ("ann", (string?)null) })
        {
            var refused = await Assert.ThrowsAsync<RefusalException>(() => inputs.AcceptAsync(owner, id, 1, CancellationToken.None));
            Assert.Equal(404, refused.StatusCode);
            Assert.StartsWith("no finished job of yours has that id", refused.Message);
        }
        Assert.False(host.Services.GetRequiredService<FileOwnership>().Owns("bob", resultHash));
        host.Jobs.Cancel("ann", running.Id);
    }

    public void Dispose() => _data.Dispose();
}
