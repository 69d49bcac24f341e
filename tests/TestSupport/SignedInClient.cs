using System.Net;
using DreamOmni2.Server.Auth;

namespace DreamOmni2.TestSupport;

/// <summary>A browser-like client of a hosted server: it keeps its cookies and does not follow redirects, so tests see each answer.</summary>
public sealed class SignedInClient : IDisposable
{
    public const string Password = "ann-long-secret";

    private SignedInClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http { get; }

    /// <summary>Hosted-mode settings with the users given (name → password), hashed cheaply for tests.</summary>
    public static Dictionary<string, string?> HostedSettings(params string[] users)
    {
        var settings = new Dictionary<string, string?> { ["Playground:Hosted"] = "true" };
        foreach (string user in users)
        {
            settings[$"Playground:Users:{user}"] = PasswordHash.Create(Password, iterations: 1000);
        }
        return settings;
    }

    public static async Task<SignedInClient> SignInAsync(PlaygroundHost host, string user)
    {
        var client = new SignedInClient(host.BaseAddress);
        using var response = await client.PostFormAsync("/signin", new() { ["user"] = user, ["password"] = Password, ["returnUrl"] = "/" });
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString() != "/")
        {
            throw new InvalidOperationException($"{user} could not sign in: {(int)response.StatusCode} {response.Headers.Location}");
        }
        return client;
    }

    public static SignedInClient Anonymous(PlaygroundHost host) => new(host.BaseAddress);

    public Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return Http.SendAsync(request);
    }

    /// <summary>The session cookie as a header value, to replay from another client.</summary>
    public string CookieHeader => Cookies.GetCookieHeader(Http.BaseAddress!);

    public void Dispose() => Http.Dispose();
}
