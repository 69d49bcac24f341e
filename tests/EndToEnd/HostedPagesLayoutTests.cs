using DreamOmni2.Contracts;
using DreamOmni2.EndToEnd.Support;
using DreamOmni2.TestSupport;
using Microsoft.Playwright;

namespace DreamOmni2.EndToEnd;

/// <summary>A hosted server's own pages on a phone: the sign-in form and the tables of users and of the queue fit the screen.</summary>
public sealed class HostedPagesLayoutTests
{
    [Fact]
    public async Task On_a_phone_sign_in_users_and_queue_fit_the_screen_with_nothing_cut_off()
    {
        var settings = SignedInClient.HostedSettings("ann", "bob");
        settings["Playground:Admins:0"] = "ann";
        await using var browser = await PlaygroundBrowser.OpenAsync(PlaygroundBrowser.PhoneWidth, steps: 1000, slowFixture: true, settings: settings);
        var page = browser.Page;

        await page.GotoAsync(browser.Host.BaseAddress.ToString());
        await page.WaitForSelectorAsync("input[name=user]");
        Assert.True(await InsideAsync(page, ".signin-card input[name=user]", ".signin-card button"), "the user field is wider than the form");
        Assert.True(await InsideAsync(page, ".signin-card input[name=password]", ".signin-card button"), "the password field is wider than the form");
        await browser.ScreenshotAsync("signin");
        await page.FillAsync("input[name=user]", "ann");
        await page.FillAsync("input[name=password]", SignedInClient.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[data-testid=tray][data-attached]");

        await page.GotoAsync(browser.Url("/admin/users").ToString());
        await page.Locator("[data-testid=user-row]").Nth(1).WaitForAsync();
        await browser.ScreenshotAsync("users");
        Assert.False(await ScrollsSidewaysAsync(page, ".stacking-table .mud-table-container"), "the users table scrolls sideways");
        Assert.False(await browser.OverflowsSidewaysAsync());

        browser.Host.Jobs.Submit("bob", Submissions.Of(GenerationMode.Generate, [], "a red circle", prompt: "a red circle"));
        browser.Host.Jobs.Submit("ann", Submissions.Of(GenerationMode.Generate, [], "a blue square on a long instruction that wraps", prompt: "a blue square"));
        await page.GotoAsync(browser.Url("/queue").ToString());
        await page.Locator("[data-testid=queue-row]").Nth(1).WaitForAsync();
        await browser.ScreenshotAsync("queue");
        Assert.False(await ScrollsSidewaysAsync(page, ".stacking-table .mud-table-container"), "the queue table scrolls sideways");
        Assert.False(await browser.OverflowsSidewaysAsync());
        Assert.Empty(browser.PolicyViolations);
    }

    private static Task<bool> InsideAsync(IPage page, string inner, string outer) => page.EvaluateAsync<bool>("""
        ([inner, outer]) => {
            const a = document.querySelector(inner).getBoundingClientRect();
            const b = document.querySelector(outer).getBoundingClientRect();
            return a.left >= b.left - 0.5 && a.right <= b.right + 0.5;
        }
        """, new[] { inner, outer });

    private static Task<bool> ScrollsSidewaysAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("selector => { const e = document.querySelector(selector); return e.scrollWidth > e.clientWidth + 1; }", selector);
}
