using System.Net;
using DreamOmni2.Server.Auth;
using DreamOmni2.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DreamOmni2.Server.Tests.Security;

/// <summary>The sign-in probes: open redirects, sessions that must end, login CSRF and password spraying.</summary>
public sealed class SignInSecurityTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Theory]
    [InlineData("/\t/evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\r\nSet-Cookie: x=1")]
    [InlineData("/\n/evil.example")]
    [InlineData(" /evil")]
    [InlineData("javascript:alert(1)")]
    public async Task Sign_in_returns_only_to_a_plain_local_path(string returnUrl)
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        using var client = SignedInClient.Anonymous(host);

        using var response = await client.PostFormAsync("/signin",
            new() { ["user"] = "ann", ["password"] = SignedInClient.Password, ["returnUrl"] = returnUrl });
        using var form = await client.Http.GetAsync($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("name=\"returnUrl\" value=\"/\"", await form.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_local_return_path_is_kept()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        using var client = SignedInClient.Anonymous(host);

        using var response = await client.PostFormAsync("/signin",
            new() { ["user"] = "ann", ["password"] = SignedInClient.Password, ["returnUrl"] = "/history?state=failed" });

        Assert.Equal("/history?state=failed", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_cookie_saved_before_sign_out_is_refused_afterwards()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        using var client = await SignedInClient.SignInAsync(host, "ann");
        string saved = client.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, (await Replay(host, saved, "/history")).StatusCode);

        using var signOut = await client.PostFormAsync("/signout", [], origin: host.BaseAddress.GetLeftPart(UriPartial.Authority));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var replayed = await Replay(host, saved, "/history");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/signin", replayed.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Removing_disabling_or_changing_a_user_ends_their_sessions()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann", "bob", "cat", "dan"));
        var accounts = host.Services.GetRequiredService<UserAccounts>();
        using var ann = await SignedInClient.SignInAsync(host, "ann");
        using var bob = await SignedInClient.SignInAsync(host, "bob");
        using var cat = await SignedInClient.SignInAsync(host, "cat");
        using var dan = await SignedInClient.SignInAsync(host, "dan");

        accounts.SetPassword("ann", "a-new-long-password");
        accounts.Remove("bob");
        accounts.SetDisabled("cat", true);
        accounts.SetRole("dan", Roles.Admin);

        foreach (var client in new[] { ann, bob, cat, dan })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Replay(host, client.CookieHeader, "/history")).StatusCode);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Sessions_survive_a_restart_on_the_same_data_folder_with_keys_only_the_owner_can_read()
    {
        var settings = SignedInClient.HostedSettings("ann");
        string cookie;
        using (var first = PlaygroundHost.Start(_data.Path, settings: settings))
        {
            using var client = await SignedInClient.SignInAsync(first, "ann");
            cookie = client.CookieHeader;
        }
        using var second = PlaygroundHost.Start(_data.Path, settings: settings);

        Assert.Equal(HttpStatusCode.OK, (await Replay(second, cookie, "/history")).StatusCode);
        string keys = Path.Combine(_data.Path, "keys");
        Assert.NotEmpty(Directory.GetFiles(keys));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_data.Path, "playground.db")));
    }

    [Fact]
    public async Task A_sign_in_posted_from_another_site_is_refused()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        using var client = SignedInClient.Anonymous(host);

        using var response = await client.PostFormAsync("/signin",
            new() { ["user"] = "ann", ["password"] = SignedInClient.Password, ["returnUrl"] = "/" }, origin: "http://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("http://evil.example", await response.Content.ReadAsStringAsync());
        Assert.Empty(client.Cookies.GetCookies(host.BaseAddress));
    }

    [Fact]
    public async Task A_sign_out_posted_from_another_site_is_refused_and_the_session_lives_on()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        using var client = await SignedInClient.SignInAsync(host, "ann");

        using var response = await client.PostFormAsync("/signout", [], origin: "http://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Replay(host, client.CookieHeader, "/history")).StatusCode);
    }

    [Fact]
    public async Task Spraying_many_names_from_one_address_is_throttled_with_retry_after()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?>(SignedInClient.HostedSettings("ann"))
        {
            ["Playground:RateLimits:SignInsPerMinutePerAddress"] = "5",
        });
        using var client = SignedInClient.Anonymous(host);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (int i = 0; i < 8; i++)
        {
            last?.Dispose();
            last = await client.PostFormAsync("/signin", new() { ["user"] = $"user{i}", ["password"] = "guess", ["returnUrl"] = "/" });
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.NotNull(last!.Headers.RetryAfter);
        Assert.Contains("too many requests from your address", await last.Content.ReadAsStringAsync());
        last.Dispose();
    }

    private static async Task<HttpResponseMessage> Replay(PlaygroundHost host, string cookie, string path)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    public void Dispose() => _data.Dispose();
}
