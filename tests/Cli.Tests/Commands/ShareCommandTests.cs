using System.Net;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Auth;
using DreamOmni2.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DreamOmni2.Cli.Tests.Commands;

/// <summary><c>dreamomni2 share</c> against a real hosted server on Kestrel, with an access token.</summary>
public sealed class ShareCommandTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task Share_prints_a_link_that_opens_signed_out_and_revoke_ends_it()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        string token = host.Services.GetRequiredService<AccessTokens>().Create("ann", "cli test").Token;
        var job = host.Jobs.Submit("ann", Submissions.Of(GenerationMode.Generate, [], "a red circle", prompt: "a red circle", steps: 1));
        await host.Jobs.WatchUntilAsync("ann", job.Id, s => s.State.IsFinished());
        string server = host.BaseAddress.ToString();
        using var stranger = SignedInClient.Anonymous(host);

        var shared = await CliRun.Invoke("share", job.Id, "--server", server, "--token", token, "--show-inputs", "--expires", "7d");
        string link = shared.Output.Trim();
        var opened = (await stranger.Http.GetAsync(link)).StatusCode;
        var revoked = await CliRun.Invoke("share", "--revoke", link, "--server", server, "--token", token);
        var again = await CliRun.Invoke("share", "--revoke", link, "--server", server, "--token", token);

        Assert.True(shared.ExitCode == ExitCodes.Success, shared.Error);
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/s/[A-Za-z0-9_-]{32}$", link);
        Assert.Equal(HttpStatusCode.OK, opened);
        Assert.Equal(ExitCodes.Success, revoked.ExitCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(link)).StatusCode);
        Assert.Equal(ExitCodes.BadInput, again.ExitCode);
        Assert.Contains("you have no share link", again.Error);
    }

    [Fact]
    public async Task A_refusal_a_bad_token_and_an_unreachable_server_are_exit_code_2_with_one_line()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        string token = host.Services.GetRequiredService<AccessTokens>().Create("ann", "cli test").Token;
        string server = host.BaseAddress.ToString();

        var refused = await CliRun.Invoke("share", "0123456789abcdef", "--server", server, "--token", token);
        var badToken = await CliRun.Invoke("share", "0123456789abcdef", "--server", server, "--token", AccessTokens.Prefix + "not-a-token");
        var unreachable = await CliRun.Invoke("share", "0123456789abcdef", "--server", $"http://127.0.0.1:{ClosedPort.Next()}", "--token", token);
        var badExpiry = await CliRun.Invoke("share", "0123456789abcdef", "--server", server, "--token", token, "--expires", "a week");
        var both = await CliRun.Invoke("share", "0123456789abcdef", "--revoke", "x", "--server", server);

        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Equal("error: no job of yours has that id", refused.Error.Trim());
        Assert.Equal(ExitCodes.BadInput, badToken.ExitCode);
        Assert.Contains("refused the access token", badToken.Error);
        Assert.Equal(ExitCodes.BadInput, unreachable.ExitCode);
        Assert.Contains("cannot be reached", unreachable.Error);
        Assert.Equal(ExitCodes.BadInput, badExpiry.ExitCode);
        Assert.Contains("--expires takes", badExpiry.Error);
        Assert.Equal(ExitCodes.BadInput, both.ExitCode);
        Assert.Contains("not both", both.Error);
        Assert.All(new[] { refused, badToken, unreachable, badExpiry }, run => Assert.Single(run.Error.Trim().Split('\n')));
    }

    public void Dispose() => _data.Dispose();
}
