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
    private readonly TempFolder _data = new();
    private PlaygroundHost _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _host = PlaygroundHost.Start(_data.Path, defaultSteps: 2, new Dictionary<string, string?> { ["Playground:PackPath"] = "packs/tiny" });
        (_playwright, _browser) = await Chromium.LaunchAsync();
        _page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        _page.SetDefaultTimeout(30_000);
    }

    [Fact]
    public async Task An_instruction_that_contradicts_the_pictures_waits_beside_run_until_run_as_written()
    {
        await _page.GotoAsync(_host.BaseAddress.ToString());
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
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "run-as-written-notice.png"), FullPage = true });

        await _page.ClickAsync("button[data-testid=run-as-written]");
        await _page.WaitForFunctionAsync("refused => location.href !== refused && /^\\/jobs\\/[0-9a-f]+$/.test(location.pathname)", refusedJob);
        await _page.WaitForSelectorAsync("[data-testid=result]");
        Assert.Equal("make the star in image 1 have the color of image 2", await _page.InputValueAsync("textarea[data-testid=prompt]"));
        Assert.Equal(0, await _page.Locator("[data-testid=run-as-written-notice]").CountAsync());
    }

    public async Task DisposeAsync()
    {
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "run-as-written.png"), FullPage = true });
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _host.Dispose();
        _data.Dispose();
    }
}
