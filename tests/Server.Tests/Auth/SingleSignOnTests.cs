using System.Net;
using DreamOmni2.Server.Auth;
using DreamOmni2.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DreamOmni2.Server.Tests.Auth;

public sealed class SingleSignOnTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task Signing_in_through_the_provider_makes_an_account_once_and_a_disabled_one_is_refused()
    {
        await using var provider = await LoopbackOidcProvider.StartAsync();
        using var host = PlaygroundHost.Start(_data.Path, settings: Settings(provider));
        var accounts = host.Services.GetRequiredService<UserAccounts>();

        using var first = SignedInClient.Anonymous(host);
        Assert.Equal("/history", await SignInThroughProviderAsync(first, provider, "/history"));
        Assert.Equal(HttpStatusCode.OK, (await first.Http.GetAsync("/history")).StatusCode);
        var olivia = accounts.List().Single(a => a.ExternalId is not null);
        Assert.Equal(("olivia", Roles.User, $"{provider.Issuer}|subject-1"), (olivia.Name, olivia.Role, olivia.ExternalId));
        Assert.Contains("Sign in with Loopback ID", await first.Http.GetStringAsync("/signin"));

        using var again = SignedInClient.Anonymous(host);
        await SignInThroughProviderAsync(again, provider, "/");
        Assert.Single(accounts.List(), a => a.ExternalId is not null);

        accounts.SetDisabled("olivia", true);
        Assert.Equal(HttpStatusCode.Redirect, (await first.Http.GetAsync("/history")).StatusCode);
        using var refused = SignedInClient.Anonymous(host);
        Assert.Equal($"{SignInEndpoints.SignInPath}?failed={SingleSignOn.Refused}", await SignInThroughProviderAsync(refused, provider, "/"));
    }

    [Fact]
    public async Task A_same_named_person_from_the_provider_gets_a_name_of_their_own_and_a_forged_callback_is_refused()
    {
        await using var provider = await LoopbackOidcProvider.StartAsync();
        var settings = Settings(provider);
        settings["Playground:Users:olivia"] = DreamOmni2.Server.Auth.PasswordHash.Create(SignedInClient.Password, iterations: 1000);
        using var host = PlaygroundHost.Start(_data.Path, settings: settings);

        using var client = SignedInClient.Anonymous(host);
        await SignInThroughProviderAsync(client, provider, "/");
        using var forged = await SignedInClient.Anonymous(host).Http.GetAsync($"{SingleSignOn.CallbackPath}?code=made-up&state=made-up");

        var accounts = host.Services.GetRequiredService<UserAccounts>();
        Assert.Null(accounts.Find("olivia")!.ExternalId);
        Assert.Equal($"{provider.Issuer}|subject-1", accounts.Find("olivia-2")!.ExternalId);
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal($"{SignInEndpoints.SignInPath}?failed={SingleSignOn.Failed}", forged.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Without_a_provider_there_is_no_single_sign_on()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        using var client = SignedInClient.Anonymous(host);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(SingleSignOn.StartPath)).StatusCode);
        Assert.DoesNotContain("Sign in with", await client.Http.GetStringAsync("/signin"));
    }

    /// <summary>Follows the redirects a browser would: the server, the provider, the server's callback; returns where it lands.</summary>
    private static async Task<string> SignInThroughProviderAsync(SignedInClient client, LoopbackOidcProvider provider, string returnUrl)
    {
        using var start = await client.Http.GetAsync($"{SingleSignOn.StartPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith($"{provider.Issuer}/authorize", start.Headers.Location!.ToString());
        using var provider_ = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var authorized = await provider_.GetAsync(start.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        using var callback = await client.Http.GetAsync(authorized.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return callback.Headers.Location!.OriginalString;
    }

    private static Dictionary<string, string?> Settings(LoopbackOidcProvider provider)
    {
        var settings = SignedInClient.HostedSettings("ann");
        settings["Playground:SingleSignOn:Authority"] = provider.Issuer;
        settings["Playground:SingleSignOn:ClientId"] = LoopbackOidcProvider.ClientId;
        settings["Playground:SingleSignOn:ClientSecret"] = LoopbackOidcProvider.ClientSecret;
        settings["Playground:SingleSignOn:DisplayName"] = "Loopback ID";
        return settings;
    }

    public void Dispose() => _data.Dispose();
}
