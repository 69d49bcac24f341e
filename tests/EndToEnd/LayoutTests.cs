using DreamOmni2.EndToEnd.Support;
using Microsoft.Playwright;

namespace DreamOmni2.EndToEnd;

/// <summary>
/// The main flow on a desktop screen and on a 390-px phone: nothing scrolls sideways, the top bar shows its links,
/// the job's progress is in view after Run and not covered, and the history's actions are on screen.
/// </summary>
public sealed class LayoutTests
{
    [Theory]
    [InlineData(PlaygroundBrowser.DesktopWidth)]
    [InlineData(PlaygroundBrowser.PhoneWidth)]
    public async Task The_main_flow_fits_the_screen_and_shows_the_progress_after_run(int width)
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(width, steps: 60);
        var page = browser.Page;
        await browser.OpenWithTwoImagesAsync();
        await browser.ScreenshotAsync("playground");

        Assert.False(await browser.OverflowsSidewaysAsync(), "the playground scrolls sideways");
        foreach (string link in new[] { "history-link", "queue-link", "shares-link", "tokens-link" })
        {
            var button = page.Locator($"[data-testid={link}]");
            Assert.True(await browser.InViewAsync(button), $"the top bar's {link} is off screen");
            Assert.True(await button.EvaluateAsync<bool>("e => e.getBoundingClientRect().bottom <= e.closest('.mud-appbar').getBoundingClientRect().bottom"),
                $"the top bar's {link} spills out of the bar");
        }

        await page.ClickAsync("button[data-testid=run]");
        await browser.WaitForPathAsync("^/jobs/[0-9a-f]+$");
        var status = page.Locator("[data-testid=job-status]");
        await status.WaitForAsync();
        await page.WaitForFunctionAsync("""
            () => { const box = document.querySelector("[data-testid=job-progress]").getBoundingClientRect();
                    return box.top >= 0 && box.bottom <= window.innerHeight; }
            """);
        Assert.True(await browser.UncoveredAsync(status), "something covers the job's status after Run");
        await page.WaitForSelectorAsync("[data-testid=result]", new PageWaitForSelectorOptions { Timeout = 4 * PlaygroundBrowser.Timeout });
        await browser.ScreenshotAsync("result");
        Assert.False(await browser.OverflowsSidewaysAsync(), "the job page scrolls sideways");

        await page.ClickAsync("[data-testid=history-link]");
        await page.WaitForSelectorAsync("[data-testid=history-row]");
        await browser.ScreenshotAsync("history");
        Assert.False(await browser.OverflowsSidewaysAsync(), "the history scrolls sideways");
        foreach (string action in new[] { "history-open", "history-recall", "history-delete" })
        {
            var button = page.Locator($"[data-testid={action}]").First;
            await button.ScrollIntoViewIfNeededAsync();
            Assert.True(await browser.InViewAsync(button), $"the history's {action} is off screen");
        }
        Assert.Empty(browser.PolicyViolations);
    }

    [Fact]
    public async Task On_a_phone_the_slot_buttons_show_without_hover_a_tap_on_a_picture_keeps_it_and_run_names_no_keys()
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(PlaygroundBrowser.PhoneWidth);
        var page = browser.Page;
        await browser.OpenWithTwoImagesAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => matchMedia('(hover: none)').matches"), "the phone page was not emulated as a touch screen");
        var first = page.Locator("[data-testid=tray-slot]").First;

        var picture = (await first.Locator("img").BoundingBoxAsync())!;
        await page.Touchscreen.TapAsync(picture.X + picture.Width / 2, picture.Y + picture.Height / 2);
        await page.WaitForTimeoutAsync(500);

        Assert.Equal(2, await page.Locator("[data-testid=tray-slot]").CountAsync());
        Assert.True(await browser.InViewAsync(first.Locator("[data-testid=remove]")), "the remove button is hidden on a touch screen");
        Assert.False(await page.Locator(".run-shortcut").IsVisibleAsync(), "a touch screen has no Ctrl+Enter to name");
        Assert.Equal(0, await page.GetByText("Ctrl+Enter").Filter(new() { Visible = true }).CountAsync());
        var number = (await first.Locator(".slot-number").BoundingBoxAsync())!;
        var badge = (await first.Locator("[data-testid=source-badge]").BoundingBoxAsync())!;
        Assert.True(badge.X >= number.X + number.Width || badge.Y >= number.Y + number.Height, "the source badge covers the image number");
        await browser.ScreenshotAsync("tray");

        await first.Locator("[data-testid=remove]").TapAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=tray-slot]').length === 1");
        Assert.Empty(browser.PolicyViolations);
    }
}
