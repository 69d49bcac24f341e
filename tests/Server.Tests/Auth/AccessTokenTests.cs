using System.Net;
using System.Net.Http.Headers;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Hosting;
using DreamOmni2.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DreamOmni2.Server.Tests.Auth;

/// <summary>Personal access tokens on a hosted server, used as programs use them: bearer on HTTP, access_token on the hub.</summary>
public sealed class AccessTokenTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_token_uploads_and_runs_jobs_as_its_user_and_only_as_its_user()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann", "bob"));
        string annToken = Create(host, "ann", "batch script");
        string bobToken = Create(host, "bob", "notebook");

        using var ann = Http(host, annToken);
        using var upload = await ann.PostAsync(FileEndpoints.UploadPath, PlaygroundHost.UploadContent(TestImages.Png(64, 64, 1), "a.png"));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        await using var annHub = await host.ConnectHubAsync(annToken);
        var job = await annHub.InvokeAsync<JobUpdate>(nameof(JobsHub.Submit), Submissions.Of(GenerationMode.Generate, [], "a red circle", steps: 1));

        Assert.Equal("ann", host.Jobs.Find("ann", job.Id)!.Owner);
        await using var bobHub = await host.ConnectHubAsync(bobToken);
        Assert.Empty(await bobHub.StreamAsync<JobUpdate>(nameof(JobsHub.Watch), job.Id).ToListAsync());
        Assert.False(await bobHub.InvokeAsync<bool>(nameof(JobsHub.Cancel), job.Id));
    }

    [Fact]
    public async Task A_revoked_or_unknown_token_is_refused_with_401()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        var tokens = host.Services.GetRequiredService<AccessTokens>();
        var (id, token) = tokens.Create("ann", "old laptop");
        Assert.True(tokens.Revoke("ann", id));

        using var revoked = Http(host, token);
        using var unknown = Http(host, AccessTokens.Prefix + "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.PostAsync(FileEndpoints.UploadPath, PlaygroundHost.UploadContent(TestImages.Png(8, 8, 1), "a.png"))).StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => host.ConnectHubAsync(token));
    }

    [Fact]
    public async Task A_users_token_stops_working_when_the_user_is_disabled_or_removed()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann", "bob"));
        var accounts = host.Services.GetRequiredService<UserAccounts>();
        string annToken = Create(host, "ann", "script");
        string bobToken = Create(host, "bob", "script");
        await using var bobHub = await host.ConnectHubAsync(bobToken);

        accounts.SetDisabled("ann", true);
        accounts.Remove("bob");

        using var ann = Http(host, annToken);
        using var bob = Http(host, bobToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ann.GetAsync("/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bob.GetAsync("/history")).StatusCode);
        var refused = await Assert.ThrowsAsync<HubException>(() => bobHub.InvokeAsync<IReadOnlyList<QueueEntry>>(nameof(JobsHub.Queue)));
        Assert.Contains("your session has ended", refused.Message);
        accounts.SetDisabled("ann", false);
        Assert.Equal(HttpStatusCode.OK, (await ann.GetAsync("/history")).StatusCode);
    }

    [Fact]
    public void The_tokens_command_prints_only_the_token_and_lists_and_revokes_by_id()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        var tokens = host.Services.GetRequiredService<AccessTokens>();
        var output = new StringWriter();

        Assert.Equal(0, ServerCommands.Tokens(["create", "nightly batch", "--user", "ann"], tokens, Accounts(host), output, TextWriter.Null));
        string token = output.ToString().Trim();
        Assert.StartsWith(AccessTokens.Prefix, token);
        Assert.Equal("ann", tokens.UserOf(token));
        var listed = new StringWriter();
        Assert.Equal(0, ServerCommands.Tokens(["list", "--user", "ann"], tokens, Accounts(host), listed, TextWriter.Null));
        string id = listed.ToString().Split('\t')[0];
        Assert.Contains("nightly batch", listed.ToString());
        Assert.DoesNotContain(token, listed.ToString());
        Assert.Equal(0, ServerCommands.Tokens(["revoke", id, "--user", "ann"], tokens, Accounts(host), TextWriter.Null, TextWriter.Null));
        Assert.Null(tokens.UserOf(token));
        Assert.Equal(2, ServerCommands.Tokens(["revoke", id, "--user", "ann"], tokens, Accounts(host), TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public async Task The_tokens_page_is_for_signed_in_users_only()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        using var stranger = SignedInClient.Anonymous(host);
        using var ann = await SignedInClient.SignInAsync(host, "ann");

        using var refused = await stranger.Http.GetAsync("/settings/tokens");
        using var shown = await ann.Http.GetAsync("/settings/tokens");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/signin", refused.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
    }

    private static UserAccounts Accounts(PlaygroundHost host) => host.Services.GetRequiredService<UserAccounts>();

    private static string Create(PlaygroundHost host, string user, string name) =>
        host.Services.GetRequiredService<AccessTokens>().Create(user, name).Token;

    private static HttpClient Http(PlaygroundHost host, string token)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public void Dispose() => _data.Dispose();
}
