using DreamOmni2.EndToEnd.Support;
using Microsoft.Playwright;

namespace DreamOmni2.EndToEnd;

/// <summary>A newcomer on the tiny pack: reads what the model knows, clicks an example and runs it.</summary>
public sealed class ExamplesPageTests : IAsyncLifetime
{
    // Enough tiny-pack steps (about 16 ms each) that the job page attaches while the run still paints previews.
    private const int Steps = 200;

    private PlaygroundBrowser _browser = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _browser = await PlaygroundBrowser.OpenAsync(PlaygroundBrowser.DesktopWidth, Steps, pack: "packs/tiny");
        _page = _browser.Page;
        await _page.GotoAsync(_browser.Host.BaseAddress.ToString());
        await _page.WaitForSelectorAsync("[data-testid=tray][data-attached]");
    }

    [Fact]
    public async Task Clicking_an_example_fills_the_form_and_its_run_previews_the_whole_picture_crisply()
    {
        await _page.ClickAsync("[data-testid=model-knowledge] .mud-expand-panel-header");
        var colours = _page.Locator("[data-testid=knowledge-group][data-group=colours] [data-testid=swatch]");
        await colours.First.WaitForAsync();
        Assert.Equal(8, await colours.CountAsync());
        Assert.Contains("hexagon", await _page.Locator("[data-testid=knowledge-group][data-group=shapes]").TextContentAsync());

        await _page.ClickAsync("[data-testid=example][data-number='1']");
        await _page.Locator("[data-testid=tray-slot]").Nth(1).WaitForAsync();

        Assert.Equal(
            ["image 1: edit-color-1.png", "image 2: edit-color-2.png"],
            await _page.Locator("[data-testid=tray-slot] img").EvaluateAllAsync<string[]>("images => images.map(i => i.alt)"));
        Assert.Equal("make the star in image 1 have the color of image 2", await _page.InputValueAsync("textarea[data-testid=instruction]"));
        await _browser.ScreenshotAsync("example-taken");

        await _page.ClickAsync("button[data-testid=run]");
        await _browser.WaitForPathAsync("^/jobs/[0-9a-f]+$");
        await _page.WaitForFunctionAsync("() => window.playground.paints.length > 0");
        var canvas = _page.Locator("[data-testid=preview-canvas]");
        Assert.Equal(64, await canvas.EvaluateAsync<int>("c => c.width"));
        Assert.Equal("pixelated", await canvas.EvaluateAsync<string>("c => getComputedStyle(c).imageRendering"));
        await _page.WaitForSelectorAsync("[data-testid=result]", new PageWaitForSelectorOptions { Timeout = 4 * PlaygroundBrowser.Timeout });
        await _browser.ScreenshotAsync("example-result");
    }

    [Fact]
    public async Task The_ablation_example_runs_the_grid()
    {
        await _page.ClickAsync("[data-testid=example]:has-text('Ablation')");

        await _browser.WaitForPathAsync("^/ablations/[0-9a-f]+$");
        await _page.Locator("[data-testid=ablation-result]").Nth(3).WaitForAsync(new LocatorWaitForOptions { Timeout = 4 * PlaygroundBrowser.Timeout });
        Assert.Equal(4, await _page.Locator("[data-testid=tray-slot]").CountAsync());
        await _browser.ScreenshotAsync("example-ablation");
    }

    public async Task DisposeAsync() => await _browser.DisposeAsync();
}
