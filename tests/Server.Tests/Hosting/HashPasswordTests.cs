using DreamOmni2.Server.Auth;
using DreamOmni2.TestSupport;

namespace DreamOmni2.Server.Tests.Hosting;

/// <summary><c>hash-password</c> as an operator pipes a password into it.</summary>
public sealed class HashPasswordTests
{
    [Fact]
    public async Task It_prints_exactly_one_line_a_hash_that_verifies()
    {
        var run = await ServerProcess.RunAsync(new Dictionary<string, string>(), "correct horse battery", HostedUsers.HashPasswordCommand);

        Assert.Equal(0, run.ExitCode);
        string hash = Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(PasswordHash.Verify("correct horse battery", hash));
    }

    [Fact]
    public async Task A_short_password_is_refused()
    {
        var run = await ServerProcess.RunAsync(new Dictionary<string, string>(), "x", HostedUsers.HashPasswordCommand);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("use at least 12", run.Error);
    }
}
