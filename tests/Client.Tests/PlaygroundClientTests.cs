using DreamOmni2.Contracts;
using DreamOmni2.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DreamOmni2.Client.Tests;

/// <summary>The client against the real server on Kestrel, as a program would use it.</summary>
public sealed class PlaygroundClientTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_job_is_uploaded_submitted_watched_to_its_end_and_downloaded_as_the_page_downloads_it()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        await using var client = await PlaygroundClient.ConnectAsync(host.BaseAddress);

        var first = await client.UploadAsync(TestImages.Png(128, 96, 1), "first.png");
        var second = await client.UploadAsync(TestImages.Png(96, 128, 2), "second.png", imageNumber: 2);
        var submitted = await client.SubmitAsync(Submissions.Of(GenerationMode.Edit, [first.Hash, second.Hash], "make image 1 look like image 2", seed: 5, steps: 3));
        var updates = new List<JobUpdate>();
        await foreach (var update in client.WatchAsync(submitted.Id))
        {
            updates.Add(update);
        }
        byte[] downloaded = await client.DownloadResultAsync(submitted.Id);

        Assert.Equal(JobState.Completed, updates[^1].State);
        Assert.Equal(5UL, updates[^1].Seed);
        using var http = host.Http();
        Assert.Equal(await http.GetByteArrayAsync(updates[^1].ResultUrl), downloaded);
    }

    [Fact]
    public async Task A_dropped_connection_is_made_again_and_the_watch_follows_the_job_to_its_end()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        await using var relay = new TcpRelay(host.BaseAddress);
        await using var client = await PlaygroundClient.ConnectAsync(relay.Address);
        var submitted = await client.SubmitAsync(Submissions.Of(GenerationMode.Generate, [], "a red circle", prompt: "a red circle", seed: 3, steps: 200));
        var updates = new List<JobUpdate>();
        int acceptedBeforeCut = 0;

        await foreach (var update in client.WatchAsync(submitted.Id))
        {
            updates.Add(update);
            if (relay.Cuts == 0 && update is { State: JobState.Running, Step: > 0 })
            {
                acceptedBeforeCut = relay.Accepted;
                relay.CutAll();
            }
        }

        Assert.True(relay.Cuts > 0);
        Assert.True(relay.Accepted > acceptedBeforeCut, "the client did not connect again");
        Assert.Equal(JobState.Completed, updates[^1].State);
        Assert.Empty(await client.QueueAsync());
        Assert.NotEmpty(await client.DownloadResultAsync(submitted.Id));
    }

    [Fact]
    public async Task An_ablation_submits_four_jobs_that_each_complete()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        await using var client = await PlaygroundClient.ConnectAsync(host.BaseAddress);

        var ids = await client.SubmitAblationAsync(Submissions.Of(GenerationMode.Generate, [], "a red circle", prompt: "a red circle", steps: 1));

        Assert.Equal(4, ids.Count);
        foreach (string id in ids)
        {
            Assert.Equal(JobState.Completed, (await client.WatchAsync(id).LastAsync()).State);
        }
    }

    [Fact]
    public async Task Refusals_carry_the_servers_reason()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        await using var client = await PlaygroundClient.ConnectAsync(host.BaseAddress);

        var upload = await Assert.ThrowsAsync<PlaygroundRequestException>(() => client.UploadAsync("hello"u8.ToArray(), "notes.png"));
        var submit = await Assert.ThrowsAsync<PlaygroundRequestException>(() => client.SubmitAsync(Submissions.Of(GenerationMode.Edit, [], "make it red")));
        var download = await Assert.ThrowsAsync<PlaygroundRequestException>(() => client.DownloadResultAsync("no-such-job"));

        Assert.Equal((400, "image 1 is not a PNG, JPEG or WebP file"), (upload.StatusCode, upload.Message));
        Assert.True(submit.Message.StartsWith("an edit needs the image to edit", StringComparison.Ordinal), submit.Message);
        Assert.Equal((404, "no finished job of yours has that id"), (download.StatusCode, download.Message));
        Assert.False(await client.CancelAsync("no-such-job"));
        Assert.False(await client.RemoveAsync("no-such-job"));
    }

    [Fact]
    public async Task On_a_hosted_server_a_token_signs_the_client_in_as_its_user()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        string token = host.Services.GetRequiredService<Server.Auth.AccessTokens>().Create("ann", "client test").Token;
        await using var client = await PlaygroundClient.ConnectAsync(host.BaseAddress, token);

        var image = await client.UploadAsync(TestImages.Png(64, 64, 3), "a.png");
        var job = await client.SubmitAsync(Submissions.Of(GenerationMode.Edit, [image.Hash], "make image 1 red", steps: 1));

        Assert.Equal(JobState.Completed, (await client.WatchAsync(job.Id).LastAsync()).State);
        Assert.NotNull(host.Jobs.Find("ann", job.Id));
    }

    [Fact]
    public async Task A_share_link_is_made_as_an_absolute_address_that_opens_signed_out_and_is_revoked_by_it()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        string token = host.Services.GetRequiredService<Server.Auth.AccessTokens>().Create("ann", "client test").Token;
        await using var client = await PlaygroundClient.ConnectAsync(host.BaseAddress, token);
        var job = await client.SubmitAsync(Submissions.Of(GenerationMode.Generate, [], "a red circle", prompt: "a red circle", steps: 1));
        await client.WatchAsync(job.Id).LastAsync();
        using var stranger = SignedInClient.Anonymous(host);

        Uri link = await client.CreateShareLinkAsync(job.Id, new ShareOptions(ExpiresAfter: TimeSpan.FromDays(1)));
        var opened = (await stranger.Http.GetAsync(link)).StatusCode;
        bool revoked = await client.RevokeShareLinkAsync(link.ToString());
        var refused = await Assert.ThrowsAsync<PlaygroundRequestException>(() => client.CreateShareLinkAsync("no-such-job", new ShareOptions()));

        Assert.Equal(host.BaseAddress.Authority, link.Authority);
        Assert.StartsWith("/s/", link.AbsolutePath);
        Assert.Equal(System.Net.HttpStatusCode.OK, opened);
        Assert.True(revoked);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await stranger.Http.GetAsync(link)).StatusCode);
        Assert.False(await client.RevokeShareLinkAsync(link.ToString()));
        Assert.Equal("no job of yours has that id", refused.Message);
    }

    [Fact]
    public async Task A_bad_token_is_said_to_be_refused_rather_than_the_server_unreachable()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));

        var error = await Assert.ThrowsAsync<PlaygroundRequestException>(() => PlaygroundClient.ConnectAsync(host.BaseAddress, "do2_not-a-token"));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("refused the access token", error.Message);
    }

    [Fact]
    public async Task The_servers_status_is_read_by_an_admin_and_refused_with_403_to_a_user()
    {
        using var hosted = PlaygroundHost.Start(Path.Combine(_data.Path, "hosted"), settings: SignedInClient.HostedSettings("ann"));
        string token = hosted.Services.GetRequiredService<Server.Auth.AccessTokens>().Create("ann", "client test").Token;
        await using var user = await PlaygroundClient.ConnectAsync(hosted.BaseAddress, token);
        using var host = PlaygroundHost.Start(_data.Path, defaultSteps: 1000);
        await using var admin = await PlaygroundClient.ConnectAsync(host.BaseAddress);
        var running = await admin.SubmitAsync(Submissions.Of(GenerationMode.Generate, [], "a red circle"));
        // Two behind it, so that one is still waiting however fast the first runs on a busy machine.
        await admin.SubmitAsync(Submissions.Of(GenerationMode.Generate, [], "a blue square"));
        await admin.SubmitAsync(Submissions.Of(GenerationMode.Generate, [], "a green star"));
        await admin.WatchAsync(running.Id).FirstAsync(u => u.State == JobState.Running);

        var status = await admin.GetServerStatusAsync();
        var refused = await Assert.ThrowsAsync<PlaygroundRequestException>(() => user.GetServerStatusAsync());

        Assert.True(status.WorkingSetBytes > status.ManagedHeapBytes && status.ManagedHeapBytes > 0, $"{status}");
        Assert.Equal(1, status.Running);
        Assert.InRange(status.Queued, 1, 2);
        Assert.Equal(403, refused.StatusCode);
        await admin.CancelAsync(running.Id);
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_said_so()
    {
        var error = await Assert.ThrowsAsync<PlaygroundRequestException>(() => PlaygroundClient.ConnectAsync(new Uri($"http://127.0.0.1:{ClosedPort.Next()}")));

        Assert.Contains("cannot be reached", error.Message);
    }

    public void Dispose() => _data.Dispose();
}
