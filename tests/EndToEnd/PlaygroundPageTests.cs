using DreamOmni2.EndToEnd.Support;
using DreamOmni2.Server.Auth;
using DreamOmni2.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DreamOmni2.EndToEnd;

/// <summary>A person's path through the page: upload two images, run an edit while its preview changes, run the ablation grid.</summary>
public sealed class PlaygroundPageTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Enough fixture steps that a run lasts long enough to watch; still a few seconds in all.
    private const int Steps = 200;
    private static readonly float Timeout = 30_000;

    private readonly TempFolder _data = new();
    private PlaygroundHost _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;
    private readonly List<string> _policyViolations = [];

    public async Task InitializeAsync()
    {
        _host = PlaygroundHost.Start(_data.Path, Steps);
        (_playwright, _browser) = await Chromium.LaunchAsync();
        _page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        _page.SetDefaultTimeout(Timeout);
        // Every test runs under the server's content security policy; anything it blocks shows in the console.
        _page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                _policyViolations.Add(message.Text);
            }
        };
    }

    [Fact]
    public async Task An_edit_with_two_images_shows_a_changing_preview_then_the_result()
    {
        // On the plain fixture an idle machine can finish all steps before the job page has attached.
        UseSlowFixture();
        await OpenWithTwoImagesAsync();

        await _page.ClickAsync("button[data-testid=run]");
        await WaitForPathAsync("^/jobs/[0-9a-f]+$");
        // 200 steps on the 512×512 fixture: ~10 s on an idle machine, several times that on a busy one.
        await _page.WaitForSelectorAsync("[data-testid=result]", new PageWaitForSelectorOptions { Timeout = 4 * Timeout });

        var frames = await _page.EvaluateAsync<PaintedFrame[]>("() => window.playground.paints");
        var steps = frames.Select(f => f.Step).Distinct().ToList();
        Assert.True(steps.Count >= 3, $"the preview changed {steps.Count - 1} times: steps painted {string.Join(", ", steps)}");
        Assert.Equal(steps.Order(), steps);
        Report(frames);
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "edit-result.png"), FullPage = true });

        string download = await _page.GetAttributeAsync("[data-testid=download]", "href") ?? "";
        Assert.Equal("image/png", (await _page.APIRequest.GetAsync(new Uri(_host.BaseAddress, download).ToString())).Headers["content-type"]);

        await _page.ClickAsync("[data-testid=history-link]");
        await _page.WaitForSelectorAsync("[data-testid=history-row]");
        Assert.Contains("make image 1 look like image 2", await _page.Locator("[data-testid=history-row]").First.TextContentAsync());
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "history.png"), FullPage = true });
    }

    [Fact]
    public async Task The_ablation_grid_runs_the_four_schemes_and_shows_each_result()
    {
        await OpenWithTwoImagesAsync();

        await _page.ClickAsync("button[data-testid=run-ablation]");
        await WaitForPathAsync("^/ablations/[0-9a-f]+$");
        await _page.Locator("[data-testid=ablation-result]").Nth(3).WaitForAsync();

        Assert.Equal(4, await _page.Locator("[data-testid=ablation-result]").CountAsync());
        Assert.Equal(
            ["index off · shift off", "index on · shift off", "index off · shift on", "index on · shift on"],
            await _page.Locator("[data-testid=ablation-label]").AllTextContentsAsync());
        Assert.NotEmpty(await _page.EvaluateAsync<PaintedFrame[]>("() => window.playground.paints"));
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "ablation.png"), FullPage = true });
    }

    [Fact]
    public async Task A_job_page_reattaches_after_a_reload_and_its_run_can_be_cancelled()
    {
        UseSlowFixture();
        await OpenWithTwoImagesAsync();
        await _page.FillAsync("input[data-testid=steps]", "1000");

        await _page.Keyboard.PressAsync("Control+Enter");
        await WaitForPathAsync("^/jobs/[0-9a-f]+$");
        string jobUrl = _page.Url;
        await _page.WaitForFunctionAsync("() => window.playground.paints.length > 0");
        await _page.ReloadAsync();

        Assert.Equal(jobUrl, _page.Url);
        await _page.WaitForFunctionAsync("() => window.playground.paints.length > 0");
        Assert.Equal("2", (await _page.Locator("[data-testid=tray-slot]").CountAsync()).ToString());
        await _page.ClickAsync("button[data-testid=cancel]");
        await _page.Locator("[data-testid=job-status]", new() { HasText = "Cancelled" }).WaitForAsync();
    }

    [Fact]
    public async Task A_dropped_and_a_pasted_image_join_the_tray_in_order_and_translate_shows_the_prompt()
    {
        await _page.GotoAsync(_host.BaseAddress.ToString());
        await _page.WaitForSelectorAsync("[data-testid=tray][data-attached]");

        await _page.EvaluateAsync(DeliverFileScript, new { how = "drop", base64 = Convert.ToBase64String(TestImages.Png(128, 128, 13)), name = "dropped.png" });
        await _page.Locator("[data-testid=tray-slot]").Nth(0).WaitForAsync();
        await _page.EvaluateAsync(DeliverFileScript, new { how = "paste", base64 = Convert.ToBase64String(TestImages.Png(96, 160, 14)), name = "pasted.png" });
        await _page.Locator("[data-testid=tray-slot]").Nth(1).WaitForAsync();

        Assert.Equal(
            ["image 1: dropped.png", "image 2: pasted.png"],
            await _page.Locator("[data-testid=tray-slot] img").EvaluateAllAsync<string[]>("images => images.map(i => i.alt)"));
        await _page.FillAsync("textarea[data-testid=instruction]", "make the first picture look like the other photo");
        await _page.ClickAsync("button[data-testid=translate]");
        await _page.WaitForSelectorAsync("[data-testid=prompt-translator]");
        Assert.Contains("image 2", await _page.InputValueAsync("textarea[data-testid=prompt]"));
    }

    /// <summary>Hands a PNG to the page the way a file manager's drop or the clipboard's paste would.</summary>
    private const string DeliverFileScript = """
        ({ how, base64, name }) => {
            const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name, { type: "image/png" }));
            if (how === "paste") {
                document.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
                return;
            }
            const zone = document.querySelector("[data-testid=tray]");
            zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
            zone.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
        }
        """;

    /// <summary>Restarts the playground on <see cref="SlowFixture"/>, whose steps are slow enough to watch.</summary>
    private void UseSlowFixture()
    {
        _host.Dispose();
        _host = PlaygroundHost.Start(_data.Path, Steps, new Dictionary<string, string?> { ["Playground:PackPath"] = SlowFixture.Create(_data.Path) });
    }

    /// <summary>Blazor navigates with the history API, which has no load event: poll the location instead.</summary>
    private Task WaitForPathAsync(string pattern) =>
        _page.WaitForFunctionAsync("pattern => new RegExp(pattern).test(location.pathname)", pattern);

    [Fact]
    public async Task A_token_made_on_the_settings_page_is_shown_once_works_and_is_gone_when_revoked()
    {
        var tokens = _host.Services.GetRequiredService<AccessTokens>();
        await _page.GotoAsync(new Uri(_host.BaseAddress, "/settings/tokens").ToString());
        await _page.WaitForSelectorAsync("[data-testid=tokens-empty]");

        // The page is prerendered: until its circuit is up a click does nothing, so try until the token shows.
        var shown = _page.Locator("[data-testid=token-value]");
        for (int attempt = 0; attempt < 20 && await shown.CountAsync() == 0; attempt++)
        {
            await _page.FillAsync("input[data-testid=token-name]", "browser test");
            await _page.ClickAsync("[data-testid=token-create]");
            try
            {
                await shown.WaitForAsync(new LocatorWaitForOptions { Timeout = 1000 });
            }
            catch (TimeoutException)
            {
            }
        }
        string token = await shown.InnerTextAsync();

        Assert.StartsWith(AccessTokens.Prefix, token);
        Assert.Equal("local", tokens.UserOf(token));
        while (await _page.Locator("[data-testid=token-row]").CountAsync() > 0)
        {
            await _page.Locator("[data-testid=token-revoke]").First.ClickAsync();
            await _page.WaitForTimeoutAsync(200);
        }
        await _page.WaitForSelectorAsync("[data-testid=tokens-empty]");
        Assert.Null(tokens.UserOf(token));
        Assert.Empty(tokens.List("local"));
    }

    private async Task OpenWithTwoImagesAsync()
    {
        await _page.GotoAsync(_host.BaseAddress.ToString());
        await _page.WaitForSelectorAsync("[data-testid=tray][data-attached]");
        await _page.SetInputFilesAsync("#tray-input", new[]
        {
            new FilePayload { Name = "source.png", MimeType = "image/png", Buffer = TestImages.Png(128, 128, 11) },
            new FilePayload { Name = "reference.png", MimeType = "image/png", Buffer = TestImages.Png(160, 96, 12) },
        });
        await _page.Locator("[data-testid=tray-slot]").Nth(1).WaitForAsync();
        await _page.FillAsync("textarea[data-testid=instruction]", "make image 1 look like image 2");
    }

    private void Report(PaintedFrame[] frames)
    {
        var latencies = frames.Select(f => f.LatencyMs).Order().ToList();
        output.WriteLine(
            $"preview frames painted: {frames.Length} of {Steps} steps; step end → frame painted: " +
            $"median {latencies[latencies.Count / 2]:0.0} ms, p90 {latencies[(int)(latencies.Count * 0.9)]:0.0} ms, max {latencies[^1]:0.0} ms");
    }

    public async Task DisposeAsync()
    {
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, $"last-page-{_page.Url.Split('/')[^2]}.png"), FullPage = true });
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _host.Dispose();
        _data.Dispose();
        Assert.Empty(_policyViolations);
    }
}
