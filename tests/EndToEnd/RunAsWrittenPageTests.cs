using DreamOmni2.EndToEnd.Support;
using DreamOmni2.TestSupport;
using Microsoft.Playwright;

namespace DreamOmni2.EndToEnd;

/// <summary>
/// On the tiny pack the translator reads the pictures: the prompt panel says what it saw, and an instruction that
/// contradicts them does not run; the reason shows beside Run with a "Run as written" button that runs it.
/// </summary>
public sealed class RunAsWrittenPageTests : IAsyncLifetime
{
    private PlaygroundBrowser _browser = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _browser = await PlaygroundBrowser.OpenAsync(PlaygroundBrowser.DesktopWidth, steps: 2, pack: "packs/tiny");
        _page = _browser.Page;
    }

    [Fact]
    public async Task An_instruction_that_contradicts_the_pictures_waits_beside_run_until_run_as_written_and_the_history_says_so()
    {
        await _page.GotoAsync(_browser.Host.BaseAddress.ToString());
        await _page.WaitForSelectorAsync("[data-testid=tray][data-attached]");
        await _page.SetInputFilesAsync("#tray-input", new[]
        {
            new FilePayload { Name = "star.png", MimeType = "image/png", Buffer = ShapeWorldPictures.Png(ShapeWorldPictures.Star) },
            new FilePayload { Name = "circle.png", MimeType = "image/png", Buffer = ShapeWorldPictures.Png(ShapeWorldPictures.Circle) },
        });
        await _page.Locator("[data-testid=tray-slot]").Nth(1).WaitForAsync();
        await _page.FillAsync("textarea[data-testid=instruction]", "make the heart in image 1 have the color of image 2");

        await _page.ClickAsync("button[data-testid=translate]");
        await _page.WaitForSelectorAsync("[data-testid=prompt-reading]");
        Assert.Equal(
            ["image 1: small red striped star on sand", "image 2: large blue circle on mint lit from the top"],
            await _page.Locator("[data-testid=prompt-reading]").AllTextContentsAsync());
        Assert.Contains("image 1 has no heart", await _page.TextContentAsync("[data-testid=prompt-problem]"));

        await _page.ClickAsync("button[data-testid=run]");
        await _page.WaitForSelectorAsync("[data-testid=run-as-written-notice]");
        Assert.Contains("image 1 has no heart: it holds a small red striped star on sand",
            await _page.TextContentAsync("[data-testid=run-as-written-reason]"));
        Assert.Equal(0, await _page.Locator("[data-testid=result]").CountAsync());
        Assert.Equal("make the heart in image 1 have the color of image 2", await _page.InputValueAsync("textarea[data-testid=instruction]"));
        var refusedJob = _page.Url;
        await _browser.ScreenshotAsync("run-as-written-notice");

        await _page.ClickAsync("button[data-testid=run-as-written]");
        await _page.WaitForFunctionAsync("refused => location.href !== refused && /^\\/jobs\\/[0-9a-f]+$/.test(location.pathname)", refusedJob);
        await _page.WaitForSelectorAsync("[data-testid=result]");
        Assert.Equal("make the star in image 1 have the color of image 2", await _page.InputValueAsync("textarea[data-testid=prompt]"));
        Assert.Equal(0, await _page.Locator("[data-testid=run-as-written-notice]").CountAsync());

        await _page.ClickAsync("[data-testid=history-link]");
        var held = _page.Locator($"[data-testid=history-row][data-job='{refusedJob.Split('/')[^1]}']");
        Assert.Equal("not run: run as written?", await held.Locator("[data-testid=history-state]").InnerTextAsync());
        await held.Locator("[data-testid=history-open]").ClickAsync();
        await _page.WaitForSelectorAsync("[data-testid=run-as-written-notice]");
    }

    public async Task DisposeAsync()
    {
        await _browser.ScreenshotAsync("run-as-written");
        await _browser.DisposeAsync();
    }
}
