using System.Net;
using DreamOmni2.TestSupport;

namespace DreamOmni2.Server.Tests.Hosting;

/// <summary>
/// Every page names the playground's icon, so a browser does not ask for a /favicon.ico that is not there; the icon and
/// the stylesheet reach a visitor who has not signed in yet (the sign-in and share pages need them).
/// </summary>
public sealed class FaviconTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task The_pages_name_an_icon_and_it_and_the_stylesheet_are_served_signed_out()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        using var ann = await SignedInClient.SignInAsync(host, "ann");
        using var stranger = SignedInClient.Anonymous(host);

        string playground = await ann.Http.GetStringAsync("/");
        string signIn = await stranger.Http.GetStringAsync("/signin");
        using var icon = await stranger.Http.GetAsync("/favicon.svg");

        Assert.Contains("<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\"", playground);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">", signIn);
        using var stylesheet = await stranger.Http.GetAsync("/css/playground.css");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
    }

    public void Dispose() => _data.Dispose();
}
