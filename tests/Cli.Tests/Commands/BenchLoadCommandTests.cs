using System.Text.RegularExpressions;
using DreamOmni2.Server.Auth;
using DreamOmni2.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DreamOmni2.Cli.Tests.Commands;

public sealed class BenchLoadCommandTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task Every_job_of_every_client_is_counted_once_and_completes_on_a_real_server()
    {
        using var host = PlaygroundHost.Start(_data.Path, defaultSteps: 1);

        var run = await CliRun.Invoke("bench", "load", "--server", host.BaseAddress.ToString(), "--clients", "3", "--jobs", "2", "--settle", "0");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Matches(Count("submitted", 6), run.Output);
        Assert.Matches(Count("accepted", 6), run.Output);
        Assert.Matches(Count("refused", 0), run.Output);
        Assert.Matches(Count("completed", 6), run.Output);
        Assert.Matches(Count("failed", 0), run.Output);
        Assert.Matches(Count("lost", 0), run.Output);
        Assert.Matches(Count("duplicated", 0), run.Output);
        // The local user is an admin of their own machine, so the server tells its memory.
        Assert.Matches(new Regex(@"^server memory, working set: before [0-9.]+ MiB, peak [0-9.]+ MiB, 0 s after [0-9.]+ MiB", RegexOptions.Multiline), run.Output);
    }

    [Fact]
    public async Task Refusals_are_counted_by_reason_and_a_users_token_gets_no_memory_figures()
    {
        using var host = PlaygroundHost.Start(_data.Path, defaultSteps: 1, settings: new Dictionary<string, string?>(SignedInClient.HostedSettings("ann"))
        {
            ["Playground:MaxQueuedPerUser"] = "2",
        });
        var (_, token) = host.Services.GetRequiredService<AccessTokens>().Create("ann", "bench");

        // Of the 4 jobs ann sends at once, the first may start before the others arrive; at most 2 may wait.
        var run = await CliRun.Invoke("bench", "load", "--server", host.BaseAddress.ToString(), "--clients", "1", "--jobs", "4", "--steps", "500",
            "--token", token, "--settle", "0");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Matches(Count("submitted", 4), run.Output);
        Assert.Matches(Count("lost", 0), run.Output);
        Assert.Matches(new Regex(@"^refused\s+[1-2]$", RegexOptions.Multiline), run.Output);
        Assert.Matches(new Regex(@"^\s+[1-2] you already have 2 jobs waiting, and one person may queue 2", RegexOptions.Multiline), run.Output);
        Assert.Contains("server memory: n/a (needs an admin's token)", run.Output);
    }

    [Fact]
    public async Task Giving_both_one_token_and_a_file_of_tokens_is_bad_input()
    {
        string file = _data.File("tokens.txt");
        await File.WriteAllTextAsync(file, "a\nb\n");

        var run = await CliRun.Invoke("bench", "load", "--server", "http://127.0.0.1:9", "--token", "a", "--tokens", file);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("give --token or --tokens, not both", run.Error);
    }

    private static Regex Count(string name, int count) => new($@"^{name}\s+{count}$", RegexOptions.Multiline);

    public void Dispose() => _data.Dispose();
}
