using System.Net;
using System.Text.Json.Nodes;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Jobs;
using DreamOmni2.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DreamOmni2.Server.Tests.Hosting;

/// <summary>/healthz as a container's HEALTHCHECK and a load balancer see it.</summary>
public sealed class HealthTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_healthy_server_answers_200_with_what_it_checked_even_signed_out()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        using var http = host.Http();

        using var response = await http.GetAsync("/healthz");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (string?)body["status"]);
        Assert.Equal("fixture", (string?)body["pack"]);
        Assert.Equal(["database", "pack", "worker"], body["checks"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(0, await ServerCommands.CheckHealthAsync(host.BaseAddress.Port.ToString(), null, TextWriter.Null));
    }

    [Fact]
    public async Task A_stopped_worker_makes_the_server_unhealthy()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        using var http = host.Http();
        await host.Services.GetRequiredService<JobWorker>().StopAsync(CancellationToken.None);

        using var response = await http.GetAsync("/healthz");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", (string?)body["checks"]!["worker"]!["status"]);
        var error = new StringWriter();
        Assert.Equal(1, await ServerCommands.CheckHealthAsync(host.BaseAddress.Port.ToString(), null, error));
        Assert.StartsWith("unhealthy: 503", error.ToString());
    }

    [Fact]
    public async Task The_healthcheck_command_says_when_nothing_answers()
    {
        var error = new StringWriter();

        Assert.Equal(1, await ServerCommands.CheckHealthAsync(null, "http://127.0.0.1:9", error));
        Assert.StartsWith("no answer on port 9", error.ToString());
    }

    public void Dispose() => _data.Dispose();
}
