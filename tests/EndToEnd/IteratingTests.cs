using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.EndToEnd.Support;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Hosting;
using DreamOmni2.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DreamOmni2.EndToEnd;

/// <summary>
/// Working on from a result: a finished result becomes the next input, a PNG that says how it was made gives its
/// settings back, out-of-bounds numbers are said to be so, and deleting from the history can be undone.
/// </summary>
public sealed class IteratingTests
{
    [Theory]
    [InlineData(PlaygroundBrowser.DesktopWidth)]
    [InlineData(PlaygroundBrowser.PhoneWidth)]
    public async Task A_result_used_as_input_becomes_image_1_and_no_preview_is_fetched_after_the_job_ends(int width)
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(width, steps: 40);
        var page = browser.Page;
        await browser.OpenWithTwoImagesAsync();
        await page.ClickAsync("button[data-testid=run]");
        await browser.WaitForPathAsync("^/jobs/[0-9a-f]+$");
        await page.WaitForSelectorAsync("[data-testid=result]", new PageWaitForSelectorOptions { Timeout = 4 * PlaygroundBrowser.Timeout });
        string jobId = page.Url.Split('/')[^1];
        string resultHash = browser.Host.Jobs.Find(LocalUser.Name, jobId)!.Outcome.ResultHash!;

        await page.ClickAsync("button[data-testid=use-as-input]");

        await page.Locator($"[data-testid=tray-slot][data-key='{resultHash}']").WaitForAsync();
        Assert.Equal(resultHash, await page.Locator("[data-testid=tray-slot]").First.GetAttributeAsync("data-key"));
        Assert.Equal(2, await page.Locator("[data-testid=tray-slot]").CountAsync());
        await browser.ScreenshotAsync("used-as-input");
        await page.WaitForTimeoutAsync(500);
        Assert.Empty(browser.FailedRequests);
        Assert.Empty(browser.PolicyViolations);
    }

    [Fact]
    public async Task A_png_from_another_program_offers_its_settings_and_recalling_fills_the_form()
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(PlaygroundBrowser.DesktopWidth);
        var page = browser.Page;
        await page.GotoAsync(browser.Host.BaseAddress.ToString());
        await page.WaitForSelectorAsync("[data-testid=tray][data-attached]");
        byte[] png = PngParameters.Write(TestImages.Png(96, 96, 5),
            "a red star on a blue background\nNegative prompt: blurry\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 123, Size: 512x512");

        await page.SetInputFilesAsync("#tray-input", new FilePayload { Name = "made-elsewhere.png", MimeType = "image/png", Buffer = png });
        await page.Locator("[data-testid=settings-offer]").WaitForAsync();
        await browser.ScreenshotAsync("settings-offer");
        Assert.Contains("seed 123", await page.InnerTextAsync("[data-testid=settings-offer-settings]"));
        await page.ClickAsync("button[data-testid=settings-offer-recall]");

        await page.Locator("[data-testid=settings-offer]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Equal("a red star on a blue background", await page.InputValueAsync("textarea[data-testid=instruction]"));
        Assert.Equal("20", await page.InputValueAsync("input[data-testid=steps]"));
        Assert.Equal("7", await page.InputValueAsync("input[data-testid=guidance]"));
        Assert.Equal("123", await page.InputValueAsync("input[data-testid=seed]"));
        Assert.Equal(1, await page.Locator("[data-testid=tray-slot]").CountAsync());
    }

    [Fact]
    public async Task Steps_0_and_guidance_minus_5_stay_as_typed_with_the_reason_and_a_refused_run_says_why_beside_run_until_fixed()
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(PlaygroundBrowser.DesktopWidth);
        var page = browser.Page;
        await browser.OpenWithTwoImagesAsync();
        const string stepsProblem = "steps must be between 1 and 1000; 0 was given";
        const string guidanceProblem = "guidance must be between 0 and 30; -5 was given";

        await page.FillAsync("input[data-testid=steps]", "0");
        await page.FillAsync("input[data-testid=guidance]", "-5");
        await page.Locator($"text={stepsProblem}").WaitForAsync();
        await page.Locator($"text={guidanceProblem}").WaitForAsync();
        await page.ClickAsync("button[data-testid=run]");

        var refused = page.Locator("[data-testid=run-refused]");
        await refused.WaitForAsync();
        Assert.Equal($"Not run: {stepsProblem}", (await refused.InnerTextAsync()).Trim());
        Assert.True(await browser.InViewAsync(refused), "the reason shows where Run was pressed");
        Assert.Equal("0", await page.InputValueAsync("input[data-testid=steps]"));
        Assert.Equal("-5", await page.InputValueAsync("input[data-testid=guidance]"));
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        Assert.Empty(browser.Host.Jobs.History(LocalUser.Name));
        await browser.ScreenshotAsync("out-of-bounds");

        await page.FillAsync("input[data-testid=steps]", "3");
        await refused.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Equal(0, await page.Locator($"text={stepsProblem}").CountAsync());
        await page.ClickAsync("button[data-testid=run]");
        await page.Locator("[data-testid=run-refused]", new() { HasText = $"Not run: {guidanceProblem}" }).WaitForAsync();

        await page.FillAsync("input[data-testid=guidance]", "2.5");
        await refused.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await page.ClickAsync("button[data-testid=run]");
        await browser.WaitForPathAsync("^/jobs/[0-9a-f]+$");
        var job = Assert.Single(browser.Host.Jobs.History(LocalUser.Name));
        Assert.Equal((3, 2.5f), (job.Spec.Settings.Steps, job.Spec.Settings.Guidance));
    }

    [Fact]
    public async Task Emptied_steps_and_guidance_run_with_the_packs_defaults()
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(PlaygroundBrowser.DesktopWidth, steps: 3);
        var page = browser.Page;
        await browser.OpenWithTwoImagesAsync();
        await page.FillAsync("input[data-testid=steps]", "7");

        await page.FillAsync("input[data-testid=steps]", "");
        await page.FillAsync("input[data-testid=guidance]", "");
        await page.ClickAsync("button[data-testid=run]");

        await browser.WaitForPathAsync("^/jobs/[0-9a-f]+$");
        var job = Assert.Single(browser.Host.Jobs.History(LocalUser.Name));
        Assert.Equal((3, browser.Host.Services.GetRequiredService<PlaygroundEngine>().Rules.DefaultGuidance), (job.Spec.Settings.Steps, job.Spec.Settings.Guidance));
    }

    [Fact]
    public async Task A_seed_of_minus_1_is_refused_with_the_reason_and_retyping_the_seed_keeps_the_field()
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(PlaygroundBrowser.DesktopWidth);
        var page = browser.Page;
        await browser.OpenWithTwoImagesAsync();
        await page.ClickAsync("input[data-testid=random-seed]");
        var seed = page.Locator("input[data-testid=seed]");
        await seed.WaitForAsync();

        await seed.FillAsync("");
        await seed.PressSequentiallyAsync("-1");
        await page.Locator("text=the seed must be 0 or more; -1 was given").WaitForAsync();
        await page.ClickAsync("button[data-testid=run]");
        await page.Locator("[data-testid=run-refused]", new() { HasText = "Not run: the seed must be 0 or more; -1 was given" }).WaitForAsync();
        Assert.Empty(browser.Host.Jobs.History(LocalUser.Name));

        await seed.FillAsync("");
        await seed.PressSequentiallyAsync("7");
        await page.Locator("[data-testid=run-refused]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await page.ClickAsync("button[data-testid=run]");
        await browser.WaitForPathAsync("^/jobs/[0-9a-f]+$");
        var job = Assert.Single(browser.Host.Jobs.History(LocalUser.Name));
        Assert.Equal((7UL, false), (job.Spec.Settings.Seed, job.Spec.Settings.RandomSeed));
    }

    [Fact]
    public async Task A_run_refused_for_an_empty_instruction_says_so_beside_run_and_writing_one_clears_it()
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(PlaygroundBrowser.DesktopWidth);
        var page = browser.Page;
        await browser.OpenWithTwoImagesAsync(instruction: "");

        await page.ClickAsync("button[data-testid=run]");

        var refused = page.Locator("[data-testid=run-refused]");
        await refused.WaitForAsync();
        Assert.Equal("Not run: say what to do: the instruction is empty", (await refused.InnerTextAsync()).Trim());
        await page.FillAsync("textarea[data-testid=instruction]", "make image 1 look like image 2");
        await refused.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Equal(0, await page.Locator("text=say what to do").CountAsync());
    }

    [Fact]
    public async Task Deleting_from_the_history_can_be_undone_and_happens_once_the_page_is_left()
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(PlaygroundBrowser.DesktopWidth);
        var page = browser.Page;
        var image = await browser.Host.UploadAsync(TestImages.Png(64, 64, 3));
        var job = browser.Host.Jobs.Submit(LocalUser.Name, Submissions.Of(GenerationMode.Edit, [image.Hash], "make image 1 red", steps: 1));
        await browser.Host.Jobs.WatchUntilAsync(LocalUser.Name, job.Id, s => s.State.IsFinished());
        await page.GotoAsync(browser.Url("/history").ToString());
        var row = page.Locator($"[data-testid=history-row][data-job='{job.Id}']");
        await WhenInteractiveAsync(page, () => page.Locator("[data-testid=history-delete]").First.ClickAsync(),
            () => row.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 1000 }));

        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await row.WaitForAsync();
        Assert.NotNull(browser.Host.Jobs.Find(LocalUser.Name, job.Id));

        await page.Locator("[data-testid=history-delete]").First.ClickAsync();
        await row.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await browser.ScreenshotAsync("deleted-undo");
        Assert.NotNull(browser.Host.Jobs.Find(LocalUser.Name, job.Id));
        await page.ClickAsync("[data-testid=queue-link]");
        await browser.WaitForPathAsync("^/queue$");
        await page.WaitForFunctionAsync("() => true");
        for (int attempt = 0; attempt < 50 && browser.Host.Jobs.Find(LocalUser.Name, job.Id) is not null; attempt++)
        {
            await Task.Delay(100);
        }
        Assert.Null(browser.Host.Jobs.Find(LocalUser.Name, job.Id));
    }

    /// <summary>A prerendered page ignores clicks until its circuit is up: click until the effect shows.</summary>
    private static async Task WhenInteractiveAsync(IPage page, Func<Task> act, Func<Task> effect)
    {
        for (int attempt = 0; ; attempt++)
        {
            await act();
            try
            {
                await effect();
                return;
            }
            catch (TimeoutException) when (attempt < 20)
            {
                await page.WaitForTimeoutAsync(200);
            }
        }
    }
}
