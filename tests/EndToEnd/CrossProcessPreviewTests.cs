using DreamOmni2.Contracts;
using DreamOmni2.EndToEnd.Support;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Server.Auth;
using DreamOmni2.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DreamOmni2.EndToEnd;

/// <summary>
/// A browser on a web front end watching a job that a worker, a process of its own, runs: each step's preview crosses
/// from the worker through Redis to the front end and on to the page, which paints it.
/// </summary>
public sealed class CrossProcessPreviewTests(ITestOutputHelper output)
{
    [ScaleOutFact]
    public async Task Previews_from_a_worker_process_are_painted_by_a_browser_on_the_web_front_end()
    {
        using var postgres = new TestPostgres();
        await using var browser = await PlaygroundBrowser.OpenAsync(PlaygroundBrowser.DesktopWidth, pack: "", settings: new Dictionary<string, string?>
        {
            ["Playground:Postgres"] = postgres.ConnectionString,
            ["Playground:Redis"] = TestRedis.Server,
            ["Playground:Role"] = "Web",
        });
        using var worker = await RunningServer.StartAsync(new Dictionary<string, string>
        {
            ["Playground__Postgres"] = postgres.ConnectionString,
            ["Playground__Redis"] = TestRedis.Server!,
            ["Playground__DataPath"] = browser.DataPath,
            ["Playground__PackPath"] = "",
            ["Playground__IntraOpThreads"] = "1",
        }, "worker");
        var page = browser.Page;
        page.SetDefaultTimeout(120_000);
        var job = browser.Host.Jobs.Submit(LocalUser.Name,
            Submissions.Of(GenerationMode.Generate, [], "a red circle", prompt: "a red circle", steps: RequestLimits.MaxSteps));

        await page.GotoAsync(browser.Url($"/jobs/{job.Id}").ToString());
        await page.WaitForSelectorAsync("[data-testid=result]");

        var frames = await page.EvaluateAsync<PaintedFrame[]>("() => window.playground.paints");
        var steps = frames.Select(f => f.Step).ToList();
        Assert.True(steps.Distinct().Count() >= 10, $"the page painted {steps.Distinct().Count()} different steps");
        Assert.Equal(steps.Order(), steps);
        var latencies = frames.Select(f => f.LatencyMs).Order().ToList();
        output.WriteLine(
            $"worker process → Redis → web front end → browser: {frames.Length} frames painted of {RequestLimits.MaxSteps} steps; " +
            $"step end → frame painted: median {latencies[latencies.Count / 2]:0.0} ms, p90 {latencies[(int)(latencies.Count * 0.9)]:0.0} ms, max {latencies[^1]:0.0} ms");
        await browser.ScreenshotAsync("cross-process-result");
        Assert.Empty(browser.PolicyViolations);
    }
}
