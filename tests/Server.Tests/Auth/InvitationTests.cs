using System.Net;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Storage;
using DreamOmni2.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DreamOmni2.Server.Tests.Auth;

public sealed class InvitationTests : IDisposable
{
    private const string Password = "a long enough password";
    private readonly TempFolder _data = new();

    [Fact]
    public async Task An_invitation_makes_one_account_signs_it_in_and_is_refused_the_second_time()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        string path = Invitations.PathPrefix + host.Services.GetRequiredService<Invitations>().Create("ann", Roles.User, TimeSpan.FromDays(1));
        using var colleague = SignedInClient.Anonymous(host);
        string origin = host.BaseAddress.GetLeftPart(UriPartial.Authority);

        using var form = await colleague.Http.GetAsync(path);
        using var mismatch = await colleague.PostFormAsync(path, new() { ["user"] = "cleo", ["password"] = Password, ["confirm"] = "other" }, origin);
        using var shortPassword = await colleague.PostFormAsync(path, new() { ["user"] = "cleo", ["password"] = "short", ["confirm"] = "short" }, origin);
        using var taken = await colleague.PostFormAsync(path, new() { ["user"] = "ann", ["password"] = Password, ["confirm"] = Password }, origin);
        using var joined = await colleague.PostFormAsync(path, new() { ["user"] = "cleo", ["password"] = Password, ["confirm"] = Password }, origin);
        using var history = await colleague.Http.GetAsync("/history");
        using var again = await SignedInClient.Anonymous(host).PostFormAsync(path, new() { ["user"] = "dora", ["password"] = Password, ["confirm"] = Password }, origin);

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("at least 12", await shortPassword.Content.ReadAsStringAsync());
        Assert.Contains("already a user named ann", await taken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Http.GetAsync(path)).StatusCode);
        Assert.Equal(Roles.User, host.Services.GetRequiredService<UserAccounts>().Find("cleo")!.Role);
        Assert.Null(host.Services.GetRequiredService<UserAccounts>().Find("dora"));
    }

    [Fact]
    public async Task Expired_unknown_and_foreign_origin_invitations_are_refused_alike()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        var database = host.Services.GetRequiredService<PlaygroundDatabase>();
        var accounts = host.Services.GetRequiredService<UserAccounts>();
        var lastWeek = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-8));
        string expired = new Invitations(database, accounts, lastWeek).Create("ann", Roles.Admin, TimeSpan.FromDays(7));
        string open = host.Services.GetRequiredService<Invitations>().Create("ann", Roles.User, TimeSpan.FromDays(1));
        using var client = SignedInClient.Anonymous(host);
        var fields = new Dictionary<string, string> { ["user"] = "eve", ["password"] = Password, ["confirm"] = Password };

        using var expiredForm = await client.Http.GetAsync(Invitations.PathPrefix + expired);
        using var unknownForm = await client.Http.GetAsync(Invitations.PathPrefix + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        using var expiredUse = await client.PostFormAsync(Invitations.PathPrefix + expired, fields);
        using var foreign = await client.PostFormAsync(Invitations.PathPrefix + open, fields, origin: "https://evil.example");

        Assert.Equal(HttpStatusCode.NotFound, expiredForm.StatusCode);
        Assert.Equal(await unknownForm.Content.ReadAsStringAsync(), await expiredForm.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, expiredUse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Null(accounts.Find("eve"));
    }

    [Fact]
    public async Task Garbage_and_floods_get_a_clear_4xx_and_make_no_account()
    {
        var settings = SignedInClient.HostedSettings("ann");
        settings["Playground:RateLimits:SignInsPerMinutePerAddress"] = "8";
        using var host = PlaygroundHost.Start(_data.Path, settings: settings);
        string open = host.Services.GetRequiredService<Invitations>().Create("ann", Roles.User, TimeSpan.FromDays(1));
        string path = Invitations.PathPrefix + open;
        string origin = host.BaseAddress.GetLeftPart(UriPartial.Authority);
        using var client = SignedInClient.Anonymous(host);

        using var hugeToken = await client.Http.GetAsync(Invitations.PathPrefix + new string('A', 10_000));
        using var noFields = await client.PostFormAsync(path, [], origin);
        using var hugeName = await client.PostFormAsync(path, new() { ["user"] = new string('x', 3000), ["password"] = Password, ["confirm"] = Password }, origin);
        using var pathName = await client.PostFormAsync(path, new() { ["user"] = "../../etc", ["password"] = Password, ["confirm"] = Password }, origin);
        var flood = new List<HttpStatusCode>();
        for (int i = 0; i < 10; i++)
        {
            using var attempt = await client.Http.GetAsync(path);
            flood.Add(attempt.StatusCode);
        }

        Assert.True(hugeToken.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.RequestUriTooLong, $"{hugeToken.StatusCode}");
        Assert.Equal(HttpStatusCode.BadRequest, noFields.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, hugeName.StatusCode);
        Assert.Contains("letters, digits", await pathName.Content.ReadAsStringAsync());
        Assert.Contains(HttpStatusCode.TooManyRequests, flood);
        Assert.All(flood, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"{status}"));
        Assert.Single(host.Services.GetRequiredService<UserAccounts>().List());
        Assert.True(host.Services.GetRequiredService<Invitations>().IsOpen(open));
    }

    [Fact]
    public async Task Local_mode_has_no_invitations()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        string token = host.Services.GetRequiredService<Invitations>().Create("local", Roles.User, TimeSpan.FromDays(1));

        using var response = await host.Http().GetAsync(Invitations.PathPrefix + token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose() => _data.Dispose();
}
