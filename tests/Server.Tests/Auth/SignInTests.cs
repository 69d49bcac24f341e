using System.Net;
using DreamOmni2.Server.Auth;
using DreamOmni2.TestSupport;

namespace DreamOmni2.Server.Tests.Auth;

/// <summary>Hosted mode's sign-in on the real server.</summary>
public sealed class SignInTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_user_stored_as_a_hash_signs_in_and_a_wrong_password_does_not()
    {
        using var host = Hosted(PasswordHash.Create("ann-secret", iterations: 1000));

        Assert.Equal("/history", (await SignInAsync(host, "ann", "ann-secret")).AbsolutePath);
        var refused = await SignInAsync(host, "ann", "bob-secret");
        Assert.Equal("/signin", refused.AbsolutePath);
        Assert.Contains("do not match", await PageAsync(host, refused));
    }

    [Fact]
    public async Task After_five_failures_a_name_is_refused_even_with_the_right_password()
    {
        using var host = Hosted(PasswordHash.Create("ann-secret", iterations: 1000));

        for (int i = 0; i < SignInThrottle.MaxFailures; i++)
        {
            await SignInAsync(host, "ann", $"guess {i}");
        }
        var refused = await SignInAsync(host, "ann", "ann-secret");

        Assert.Equal("/signin", refused.AbsolutePath);
        Assert.Contains("Too many failed sign-ins", await PageAsync(host, refused));
    }

    private PlaygroundHost Hosted(string annPassword) => PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?>
    {
        ["Playground:Hosted"] = "true",
        ["Playground:Users:ann"] = annPassword,
    });

    /// <summary>Posts the sign-in form and returns where the browser ends up.</summary>
    private static async Task<Uri> SignInAsync(PlaygroundHost host, string user, string password)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.BaseAddress };
        using var response = await client.PostAsync("/signin", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["user"] = user, ["password"] = password, ["returnUrl"] = "/history" }));
        return response.RequestMessage!.RequestUri!;
    }

    private static async Task<string> PageAsync(PlaygroundHost host, Uri page)
    {
        using var http = host.Http();
        return await http.GetStringAsync(page.PathAndQuery);
    }

    public void Dispose() => _data.Dispose();
}
