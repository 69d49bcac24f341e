using DreamOmni2.Contracts;
using DreamOmni2.EndToEnd.Support;
using DreamOmni2.Server.Auth;
using DreamOmni2.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DreamOmni2.EndToEnd;

/// <summary>A person's path through the page: upload two images, run an edit while its preview changes, run the ablation grid.</summary>
public sealed class PlaygroundPageTests(ITestOutputHelper output)
{
    // Enough fixture steps that a run lasts long enough to watch; still a few seconds in all.
    private const int Steps = 200;

    [Fact]
    public async Task An_edit_with_two_images_shows_a_changing_preview_then_the_result()
    {
        // On the plain fixture an idle machine can finish all steps before the job page has attached.
        await using var browser = await PlaygroundBrowser.OpenAsync(PlaygroundBrowser.DesktopWidth, Steps, slowFixture: true);
        var page = browser.Page;
        await browser.OpenWithTwoImagesAsync();

        await page.ClickAsync("button[data-testid=run]");
        await browser.WaitForPathAsync("^/jobs/[0-9a-f]+$");
        // 200 steps on the 512×512 fixture: ~10 s on an idle machine, several times that on a busy one.
        await page.WaitForSelectorAsync("[data-testid=result]", new PageWaitForSelectorOptions { Timeout = 4 * PlaygroundBrowser.Timeout });

        var frames = await page.EvaluateAsync<PaintedFrame[]>("() => window.playground.paints");
        var steps = frames.Select(f => f.Step).Distinct().ToList();
        Assert.True(steps.Count >= 3, $"the preview changed {steps.Count - 1} times: steps painted {string.Join(", ", steps)}");
        Assert.Equal(steps.Order(), steps);
        Report(frames);
        await browser.ScreenshotAsync("edit-result");

        string download = await page.GetAttributeAsync("[data-testid=download]", "href") ?? "";
        Assert.Equal("image/png", (await page.APIRequest.GetAsync(browser.Url(download).ToString())).Headers["content-type"]);

        await page.ClickAsync("[data-testid=history-link]");
        await page.WaitForSelectorAsync("[data-testid=history-row]");
        Assert.Contains("make image 1 look like image 2", await page.Locator("[data-testid=history-row]").First.TextContentAsync());
        await browser.ScreenshotAsync("history");
        Assert.Empty(browser.PolicyViolations);
    }

    [Fact]
    public async Task The_ablation_grid_runs_the_four_schemes_shows_each_result_and_a_cell_can_become_the_next_input()
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(PlaygroundBrowser.DesktopWidth, Steps);
        var page = browser.Page;
        await browser.OpenWithTwoImagesAsync();

        await page.ClickAsync("button[data-testid=run-ablation]");
        await browser.WaitForPathAsync("^/ablations/[0-9a-f]+$");
        await page.Locator("[data-testid=ablation-result]").Nth(3).WaitForAsync();
        // The button's hint must not stay over the grid's page while the pointer rests on the button.
        Assert.Equal(0, await page.GetByText("under all four encoding schemes").Filter(new() { Visible = true }).CountAsync());

        Assert.Equal(4, await page.Locator("[data-testid=ablation-result]").CountAsync());
        Assert.Equal(
            ["index off · shift off", "index on · shift off", "index off · shift on", "index on · shift on"],
            await page.Locator("[data-testid=ablation-label]").AllTextContentsAsync());
        Assert.NotEmpty(await page.EvaluateAsync<PaintedFrame[]>("() => window.playground.paints"));
        await browser.ScreenshotAsync("ablation");

        string grid = page.Url.Split('/')[^1];
        var dreamOmni2 = browser.Host.Jobs.Ablation(LocalUser.Name, grid).Single(cell => cell.Spec.Settings.Scheme == EncodingScheme.Both);
        await page.ClickAsync("[data-testid=ablation-cell][data-scheme='index + shift'] [data-testid=ablation-use-as-input]");
        await page.Locator($"[data-testid=tray-slot][data-key='{dreamOmni2.Outcome.ResultHash}']").WaitForAsync();
        Assert.Equal(dreamOmni2.Outcome.ResultHash, await page.Locator("[data-testid=tray-slot]").First.GetAttributeAsync("data-key"));
        Assert.Empty(browser.PolicyViolations);
    }

    [Fact]
    public async Task A_job_page_reattaches_after_a_reload_its_run_can_be_cancelled_and_the_history_keeps_its_seed()
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(PlaygroundBrowser.DesktopWidth, Steps, slowFixture: true);
        var page = browser.Page;
        await browser.OpenWithTwoImagesAsync();
        await page.FillAsync("input[data-testid=steps]", "1000");

        await page.Keyboard.PressAsync("Control+Enter");
        await browser.WaitForPathAsync("^/jobs/[0-9a-f]+$");
        string jobUrl = page.Url;
        await page.WaitForFunctionAsync("() => window.playground.paints.length > 0");
        await page.ReloadAsync();

        Assert.Equal(jobUrl, page.Url);
        await page.WaitForFunctionAsync("() => window.playground.paints.length > 0");
        Assert.Equal("2", (await page.Locator("[data-testid=tray-slot]").CountAsync()).ToString());
        await page.ClickAsync("button[data-testid=cancel]");
        await page.Locator("[data-testid=job-status]", new() { HasText = "Cancelled" }).WaitForAsync();
        Assert.DoesNotContain("left", await page.InnerTextAsync("[data-testid=job-step]"));

        var job = browser.Host.Jobs.Find(LocalUser.Name, jobUrl.Split('/')[^1])!;
        Assert.True(job.Spec.Settings.RandomSeed);
        await page.ClickAsync("[data-testid=history-link]");
        var row = page.Locator($"[data-testid=history-row][data-job='{job.Id}']");
        await row.WaitForAsync();
        Assert.Equal("cancelled", await row.Locator("[data-testid=history-state]").InnerTextAsync());
        Assert.Equal($"seed {job.Spec.Settings.Seed}", await row.Locator("[data-testid=history-seed]").InnerTextAsync());
        Assert.Empty(browser.PolicyViolations);
    }

    [Fact]
    public async Task A_dropped_and_a_pasted_image_join_the_tray_in_order_and_translate_shows_the_prompt()
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(PlaygroundBrowser.DesktopWidth, Steps);
        var page = browser.Page;
        await page.GotoAsync(browser.Host.BaseAddress.ToString());
        await page.WaitForSelectorAsync("[data-testid=tray][data-attached]");

        await page.EvaluateAsync(DeliverFileScript, new { how = "drop", base64 = Convert.ToBase64String(TestImages.Png(128, 128, 13)), name = "dropped.png" });
        await page.Locator("[data-testid=tray-slot]").Nth(0).WaitForAsync();
        await page.EvaluateAsync(DeliverFileScript, new { how = "paste", base64 = Convert.ToBase64String(TestImages.Png(96, 160, 14)), name = "pasted.png" });
        await page.Locator("[data-testid=tray-slot]").Nth(1).WaitForAsync();

        Assert.Equal(
            ["image 1: dropped.png", "image 2: pasted.png"],
            await page.Locator("[data-testid=tray-slot] img").EvaluateAllAsync<string[]>("images => images.map(i => i.alt)"));
        await page.FillAsync("textarea[data-testid=instruction]", "make the first picture look like the other photo");
        await page.ClickAsync("button[data-testid=translate]");
        await page.WaitForSelectorAsync("[data-testid=prompt-translator]");
        Assert.Contains("image 2", await page.InputValueAsync("textarea[data-testid=prompt]"));
        Assert.Empty(browser.PolicyViolations);
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

    [Fact]
    public async Task A_token_made_on_the_settings_page_is_shown_once_works_and_is_gone_when_revoked()
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(PlaygroundBrowser.DesktopWidth);
        var page = browser.Page;
        var tokens = browser.Host.Services.GetRequiredService<AccessTokens>();
        await page.GotoAsync(browser.Url("/settings/tokens").ToString());
        await page.WaitForSelectorAsync("[data-testid=tokens-empty]");

        // The page is prerendered: until its circuit is up a click does nothing, so try until the token shows.
        var shown = page.Locator("[data-testid=token-value]");
        for (int attempt = 0; attempt < 20 && await shown.CountAsync() == 0; attempt++)
        {
            await page.FillAsync("input[data-testid=token-name]", "browser test");
            await page.ClickAsync("[data-testid=token-create]");
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
        while (await page.Locator("[data-testid=token-row]").CountAsync() > 0)
        {
            await page.Locator("[data-testid=token-revoke]").First.ClickAsync();
            await page.WaitForTimeoutAsync(200);
        }
        await page.WaitForSelectorAsync("[data-testid=tokens-empty]");
        Assert.Null(tokens.UserOf(token));
        Assert.Empty(tokens.List("local"));
        Assert.Empty(browser.PolicyViolations);
    }

    private void Report(PaintedFrame[] frames)
    {
        var latencies = frames.Select(f => f.LatencyMs).Order().ToList();
        output.WriteLine(
            $"preview frames painted: {frames.Length} of {Steps} steps; step end → frame painted: " +
            $"median {latencies[latencies.Count / 2]:0.0} ms, p90 {latencies[(int)(latencies.Count * 0.9)]:0.0} ms, max {latencies[^1]:0.0} ms");
    }
}
