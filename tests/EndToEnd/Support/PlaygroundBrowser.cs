using DreamOmni2.TestSupport;
using Microsoft.Playwright;

namespace DreamOmni2.EndToEnd.Support;

/// <summary>
/// The real playground on Kestrel and one chromium page on it at a given screen width, watched for content security
/// policy violations and failed requests; screenshots go to <c>screenshots/</c> beside the tests, named with the width.
/// </summary>
public sealed class PlaygroundBrowser : IAsyncDisposable
{
    public const int DesktopWidth = 1280;
    public const int PhoneWidth = 390;
    public static readonly float Timeout = 30_000;

    private readonly TempFolder _data = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private PlaygroundBrowser(int width) => Width = width;

    public int Width { get; }

    public PlaygroundHost Host { get; private set; } = null!;

    /// <summary>The server's data folder, for another process that must share it.</summary>
    public string DataPath => _data.Path;

    public IPage Page { get; private set; } = null!;

    /// <summary>Console messages about the content security policy: the page must cause none.</summary>
    public List<string> PolicyViolations { get; } = [];

    /// <summary>Every request that failed or was answered with an error status, as "STATUS URL".</summary>
    public List<string> FailedRequests { get; } = [];

    /// <param name="width">The viewport's width: a phone's (390) is a touch screen with no hover, as phones are.</param>
    /// <param name="slowFixture">Runs <see cref="SlowFixture"/>, so a job is still running while the test acts on it.</param>
    /// <param name="pack">The pack the server runs (a repository path such as packs/tiny); null: the fixture pack.</param>
    /// <param name="settings">More of the server's settings, as configuration keys ("Playground:Role").</param>
    public static async Task<PlaygroundBrowser> OpenAsync(
        int width, int steps = 4, bool slowFixture = false, string? pack = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var session = new PlaygroundBrowser(width);
        pack ??= slowFixture ? SlowFixture.Create(session._data.Path) : null;
        var hostSettings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (pack is not null)
        {
            hostSettings["Playground:PackPath"] = pack;
        }
        session.Host = PlaygroundHost.Start(session._data.Path, steps, hostSettings);
        (session._playwright, session._browser) = await Chromium.LaunchAsync();
        bool phone = width <= PhoneWidth;
        session.Page = await session._browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = phone ? 844 : 900 },
            HasTouch = phone,
            IsMobile = phone,
        });
        session.Page.SetDefaultTimeout(Timeout);
        session.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                session.PolicyViolations.Add(message.Text);
            }
        };
        session.Page.RequestFailed += (_, request) => session.FailedRequests.Add($"{request.Failure} {request.Url}");
        session.Page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                session.FailedRequests.Add($"{response.Status} {response.Url}");
            }
        };
        return session;
    }

    public Uri Url(string path) => new(Host.BaseAddress, path);

    /// <summary>The playground with two images in the tray and an instruction written.</summary>
    public async Task OpenWithTwoImagesAsync(string instruction = "make image 1 look like image 2")
    {
        await Page.GotoAsync(Host.BaseAddress.ToString());
        await Page.WaitForSelectorAsync("[data-testid=tray][data-attached]");
        await Page.SetInputFilesAsync("#tray-input", new[]
        {
            new FilePayload { Name = "source.png", MimeType = "image/png", Buffer = TestImages.Png(128, 128, 11) },
            new FilePayload { Name = "reference.png", MimeType = "image/png", Buffer = TestImages.Png(160, 96, 12) },
        });
        await Page.Locator("[data-testid=tray-slot]").Nth(1).WaitForAsync();
        await Page.FillAsync("textarea[data-testid=instruction]", instruction);
    }

    /// <summary>Blazor navigates with the history API, which has no load event: poll the location instead.</summary>
    public Task WaitForPathAsync(string pattern) =>
        Page.WaitForFunctionAsync("pattern => new RegExp(pattern).test(location.pathname)", pattern);

    public Task ScreenshotAsync(string name)
    {
        string folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        return Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{Width}.png"), FullPage = true });
    }

    /// <summary>Whether the page is wider than the screen, so that it scrolls sideways.</summary>
    public Task<bool> OverflowsSidewaysAsync() =>
        Page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth > window.innerWidth");

    /// <summary>Whether the element is drawn wholly inside the viewport, not clipped or off to a side, and not hidden.</summary>
    public Task<bool> InViewAsync(ILocator element) => element.EvaluateAsync<bool>("""
        e => {
            const box = e.getBoundingClientRect();
            const style = getComputedStyle(e);
            return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && style.opacity !== "0"
                && box.left >= 0 && box.right <= window.innerWidth + 0.5 && box.top >= 0 && box.bottom <= window.innerHeight + 0.5;
        }
        """);

    /// <summary>Whether what is drawn at the element's center is the element itself (or inside it), not something covering it.</summary>
    public Task<bool> UncoveredAsync(ILocator element) => element.EvaluateAsync<bool>("""
        e => {
            const box = e.getBoundingClientRect();
            const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            return top !== null && (e === top || e.contains(top));
        }
        """);

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        Host.Dispose();
        _data.Dispose();
    }
}
