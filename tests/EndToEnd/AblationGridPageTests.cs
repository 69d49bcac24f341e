using DreamOmni2.Contracts;
using DreamOmni2.EndToEnd.Support;
using DreamOmni2.Server.Auth;
using Microsoft.Playwright;

namespace DreamOmni2.EndToEnd;

/// <summary>A running grid stops in one click, says what happened, and comes back from the history as one row.</summary>
public sealed class AblationGridPageTests
{
    [Theory]
    [InlineData(PlaygroundBrowser.DesktopWidth)]
    [InlineData(PlaygroundBrowser.PhoneWidth)]
    public async Task One_click_cancels_the_whole_grid_and_the_history_shows_it_as_one_row_leading_back(int width)
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(width, steps: 1000, slowFixture: true);
        var page = browser.Page;
        await browser.OpenWithTwoImagesAsync();

        await page.ClickAsync("button[data-testid=run-ablation]");
        await browser.WaitForPathAsync("^/ablations/[0-9a-f]+$");
        string grid = page.Url.Split('/')[^1];
        await page.ClickAsync("button[data-testid=cancel-grid]");

        await page.Locator("[data-testid=job-status]", new() { HasText = "Stopped — " }).WaitForAsync();
        var cells = browser.Host.Jobs.Ablation(LocalUser.Name, grid);
        Assert.Equal(4, cells.Count);
        Assert.All(cells, cell => Assert.True(cell.State.IsFinished(), $"a cell is still {cell.State}"));
        Assert.Contains(cells, cell => cell.State is JobState.Cancelled or JobState.Removed);
        int done = cells.Count(cell => cell.State == JobState.Completed);
        Assert.Equal($"Stopped — {done} of 4 done", await page.InnerTextAsync("[data-testid=job-status]"));
        Assert.Equal(0, await page.Locator("[data-testid=cancel-grid], [data-testid=remove-grid]").CountAsync());
        await browser.ScreenshotAsync("grid-stopped");

        await page.ClickAsync("[data-testid=history-link]");
        var row = page.Locator("[data-testid=history-row]");
        await row.First.WaitForAsync();
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal(grid, await row.GetAttributeAsync("data-grid"));
        Assert.Equal(["index off · shift off", "index on · shift off", "index off · shift on", "index on · shift on"],
            await row.Locator("[data-testid=history-scheme]").AllTextContentsAsync());
        Assert.Equal($"/ablations/{grid}", await row.Locator("[data-testid=history-open]").GetAttributeAsync("href"));
        Assert.False(await browser.OverflowsSidewaysAsync(), "the history scrolls sideways");
        await browser.ScreenshotAsync("grid-history");
        Assert.Empty(browser.PolicyViolations);
    }
}
