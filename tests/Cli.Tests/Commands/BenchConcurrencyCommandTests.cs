using System.Text.RegularExpressions;
using DreamOmni2.TestSupport;

namespace DreamOmni2.Cli.Tests.Commands;

public sealed class BenchConcurrencyCommandTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task Each_user_count_gets_a_row_and_every_job_completes_on_a_real_server()
    {
        using var host = PlaygroundHost.Start(_data.Path, defaultSteps: 1, settings: new Dictionary<string, string?>
        {
            ["Playground:RateLimits:SubmitsPerMinute"] = "1000",
        });

        var run = await CliRun.Invoke("bench", "concurrency", "--server", host.BaseAddress.ToString(),
            "--users", "1", "3", "--jobs", "2", "--rounds", "1", "--steps", "1");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Matches(new Regex(@"^\s+1\s+[0-9.]+\s+1\.00\s.*\s0$", RegexOptions.Multiline), run.Output);
        Assert.Matches(new Regex(@"^\s+3\s+[0-9.]+\s+[0-9.]+\s.*\s0$", RegexOptions.Multiline), run.Output);
    }

    [Fact]
    public async Task An_address_that_is_not_a_url_is_bad_input()
    {
        var run = await CliRun.Invoke("bench", "concurrency", "--server", "not a url");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--server takes the playground's address", run.Error);
    }

    public void Dispose() => _data.Dispose();
}
