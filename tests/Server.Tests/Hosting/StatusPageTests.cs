using System.Net;
using System.Net.Http.Headers;
using DreamOmni2.TestSupport;

namespace DreamOmni2.Server.Tests.Hosting;

/// <summary>An address that names no page: a person gets the playground's own page saying so, a program the ProblemDetails.</summary>
public sealed class StatusPageTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task An_unknown_address_shows_a_page_to_a_browser_and_problem_details_to_a_program()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        using var http = host.Http();
        using var browser = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        browser.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var page = await http.SendAsync(browser);
        using var problem = await http.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Nothing here", html);
        Assert.Contains("data-testid=\"status-page\"", html);
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_signed_in_user_opening_an_admins_page_is_told_it_is_not_for_them()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("bob"));
        using var bob = await SignedInClient.SignInAsync(host, "bob");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/users");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var page = await bob.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Not for you", await page.Content.ReadAsStringAsync());
    }

    public void Dispose() => _data.Dispose();
}
