using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Health;
using DreamOmni2.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DreamOmni2.Server.Tests.Hosting;

/// <summary>/api/server, the memory and queue figures the load benchmark samples: for admins only.</summary>
public sealed class ServerStatusTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task The_local_user_an_admin_of_their_machine_gets_the_memory_and_the_queue()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        using var http = host.Http();

        using var response = await http.GetAsync(ServerStatusEndpoint.Path);
        var status = await response.Content.ReadFromJsonAsync<ServerStatus>(JobJson.Options);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.True(status!.WorkingSetBytes > status.ManagedHeapBytes && status.ManagedHeapBytes > 0, $"{status}");
        Assert.Equal((0, 0), (status.Queued, status.Running));
    }

    [Fact]
    public async Task It_counts_the_jobs_waiting_and_the_job_running()
    {
        // Slow steps, so the first job is still running when the figures are read, however fast the machine.
        using var host = PlaygroundHost.Start(_data.Path, defaultSteps: 1000,
            new Dictionary<string, string?> { ["Playground:PackPath"] = SlowFixture.Create(_data.Path) });
        await using var hub = await host.ConnectHubAsync();
        var running = await hub.InvokeAsync<JobUpdate>(nameof(JobsHub.Submit), Submissions.Of(GenerationMode.Generate, [], "a red circle"));
        await hub.InvokeAsync<JobUpdate>(nameof(JobsHub.Submit), Submissions.Of(GenerationMode.Generate, [], "a blue square"));
        await hub.StreamAsync<JobUpdate>(nameof(JobsHub.Watch), running.Id).FirstAsync(u => u.State == JobState.Running);
        using var http = host.Http();

        var status = await http.GetFromJsonAsync<ServerStatus>(ServerStatusEndpoint.Path, JobJson.Options);

        Assert.Equal((1, 1), (status!.Queued, status.Running));
        await hub.InvokeAsync<bool>(nameof(JobsHub.Cancel), running.Id);
    }

    [Fact]
    public async Task On_a_hosted_server_a_user_who_is_not_an_admin_gets_403_and_a_stranger_is_sent_to_sign_in()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        string token = host.Services.GetRequiredService<AccessTokens>().Create("ann", "bench").Token;
        using var byToken = host.Http();
        byToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var signedIn = await SignedInClient.SignInAsync(host, "ann");
        using var stranger = SignedInClient.Anonymous(host);

        using var tokenAnswer = await byToken.GetAsync(ServerStatusEndpoint.Path);
        using var sessionAnswer = await signedIn.Http.GetAsync(ServerStatusEndpoint.Path);
        using var strangerAnswer = await stranger.Http.GetAsync(ServerStatusEndpoint.Path);

        Assert.Equal(HttpStatusCode.Forbidden, tokenAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sessionAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, strangerAnswer.StatusCode);
        Assert.Contains("/signin", strangerAnswer.Headers.Location!.ToString());
        Assert.DoesNotContain("workingSetBytes", await tokenAnswer.Content.ReadAsStringAsync());
    }

    public void Dispose() => _data.Dispose();
}
