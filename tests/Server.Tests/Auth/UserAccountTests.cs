using System.Net;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Sharing;
using DreamOmni2.Server.Storage;
using DreamOmni2.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DreamOmni2.Server.Tests.Auth;

public sealed class UserAccountTests : IDisposable
{
    private const string NewPassword = "correct horse battery";
    private readonly TempFolder _data = new();

    [Fact]
    public async Task Configured_users_seed_the_database_once_with_their_roles_and_keep_signing_in()
    {
        var settings = SignedInClient.HostedSettings("ann", "bob");
        settings["Playground:Admins:0"] = "ann";
        using (var first = PlaygroundHost.Start(_data.Path, settings: settings))
        {
            var accounts = Accounts(first);
            Assert.Equal([("ann", Roles.Admin), ("bob", Roles.User)], accounts.List().Select(a => (a.Name, a.Role)));
            using var bob = await SignedInClient.SignInAsync(first, "bob");
            accounts.SetPassword("bob", NewPassword);
        }
        using var second = PlaygroundHost.Start(_data.Path, settings: settings);

        // The database is what counts after the first start: the reset password stands, the configured one does not.
        Assert.NotNull(Accounts(second).Verify("bob", NewPassword));
        Assert.Null(Accounts(second).Verify("bob", SignedInClient.Password));
    }

    [Fact]
    public void Names_passwords_and_roles_are_checked_and_the_last_admin_stays()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings());
        var accounts = Accounts(host);
        accounts.Add("ann", NewPassword, Roles.Admin);

        Assert.Contains("at least 12", Assert.Throws<AccountException>(() => accounts.Add("bob", "short", Roles.User)).Message);
        Assert.Contains("letters, digits", Assert.Throws<AccountException>(() => accounts.Add("bob smith", NewPassword, Roles.User)).Message);
        Assert.Contains("already a user named ANN", Assert.Throws<AccountException>(() => accounts.Add("ANN", NewPassword, Roles.User)).Message);
        Assert.Contains("'admin' or 'user'", Assert.Throws<AccountException>(() => accounts.Add("bob", NewPassword, "root")).Message);
        Assert.Contains("only admin", Assert.Throws<AccountException>(() => accounts.SetDisabled("ann", true)).Message);
        Assert.Contains("only admin", Assert.Throws<AccountException>(() => accounts.SetRole("ann", Roles.User)).Message);
        Assert.Contains("only admin", Assert.Throws<AccountException>(() => accounts.Remove("ann")).Message);
        Assert.Contains("no user named zed", Assert.Throws<AccountException>(() => accounts.SetPassword("zed", NewPassword)).Message);
        // A name differing only in case signs in as the one account.
        Assert.Equal("ann", accounts.Verify("ANN", NewPassword)?.Name);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_an_enabled_one_can_again()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann"));
        Accounts(host).SetDisabled("ann", true);

        await Assert.ThrowsAsync<InvalidOperationException>(() => SignedInClient.SignInAsync(host, "ann"));
        Accounts(host).SetDisabled("ann", false);
        using var ann = await SignedInClient.SignInAsync(host, "ann");
    }

    [Fact]
    public async Task The_users_command_reads_passwords_from_standard_input_and_manages_accounts()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings());
        var accounts = Accounts(host);
        var invitations = host.Services.GetRequiredService<Invitations>();
        var purge = host.Services.GetRequiredService<OwnerPurge>();
        int Run(string input, params string[] args) =>
            UserCommands.Run(args, accounts, invitations, purge, new StringReader(input), TextWriter.Null, TextWriter.Null);

        Assert.Equal(0, Run(NewPassword + "\n", "add", "ann", "--admin"));
        Assert.Equal(2, Run("short\n", "add", "bob"));
        Assert.Equal(2, Run("", "add", "bob"));
        Assert.Equal(0, Run(NewPassword + "\n", "add", "bob"));
        Assert.Equal(0, Run("", "disable", "bob"));
        var listed = new StringWriter();
        Assert.Equal(0, UserCommands.Run(["list"], accounts, invitations, purge, TextReader.Null, listed, TextWriter.Null));
        Assert.Contains("ann\tadmin\tenabled\tpassword", listed.ToString());
        Assert.Contains("bob\tuser\tdisabled\tpassword", listed.ToString());
        Assert.Equal(2, Run("", "remove", "ann"));
        Assert.Equal(0, Run("", "remove", "bob"));
        Assert.Null(accounts.Find("bob"));
        Assert.Equal(2, Run("", "add", "carl", NewPassword));
        var invited = new StringWriter();
        Assert.Equal(0, UserCommands.Run(["invite", "--days", "2"], accounts, invitations, purge, TextReader.Null, invited, TextWriter.Null));
        Assert.StartsWith(Invitations.PathPrefix, invited.ToString());
        using var form = await host.Http().GetAsync(invited.ToString().Trim());
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(2, ServerCommands.Tokens(["create", "script", "--user", "nobody"], host.Services.GetRequiredService<AccessTokens>(), accounts,
            TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public async Task Removing_a_user_stops_their_jobs_and_deletes_their_history_and_files()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann", "bob"));
        var image = await UploadAsAsync(host, "bob");
        var done = host.Jobs.Submit("bob", Submissions.Of(GenerationMode.Edit, [image.Hash], "make image 1 red", steps: 1));
        var finished = await host.Jobs.WatchUntilAsync("bob", done.Id, s => s.State.IsFinished());
        var running = host.Jobs.Submit("bob", Submissions.Of(GenerationMode.Edit, [image.Hash], "make image 1 blue", steps: RequestLimits.MaxSteps));
        await host.Jobs.WatchUntilAsync("bob", running.Id, s => s.State == JobState.Running);
        var store = host.Services.GetRequiredService<ContentStore>();
        Assert.True(store.Contains(finished.Record.Outcome.ResultHash!));
        var link = host.Services.GetRequiredService<ShareService>().Create("bob", done.Id, new ShareOptions());

        Assert.Equal(1, host.Jobs.StopAllOf("bob", "ann"));
        await host.Jobs.WatchUntilAsync("bob", running.Id, s => s.State.IsFinished());
        Accounts(host).Remove("bob");
        host.Services.GetRequiredService<OwnerPurge>().Purge("bob");

        Assert.Empty(host.Jobs.History("bob"));
        Assert.False(store.Contains(finished.Record.Outcome.ResultHash!));
        Assert.False(store.Contains(image.Hash));
        Assert.Equal(0, host.Services.GetRequiredService<FileOwnership>().BytesOwnedBy("bob"));
        Assert.Null(host.Services.GetRequiredService<ShareService>().Open(link.Token));
    }

    private static async Task<UploadedImage> UploadAsAsync(PlaygroundHost host, string user)
    {
        using var client = await SignedInClient.SignInAsync(host, user);
        using var response = await client.Http.PostAsync("/api/uploads", PlaygroundHost.UploadContent(TestImages.Png(64, 64, 3), "a.png"));
        response.EnsureSuccessStatusCode();
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<UploadedImage>(response.Content, JobJson.Options))!;
    }

    private static UserAccounts Accounts(PlaygroundHost host) => host.Services.GetRequiredService<UserAccounts>();

    public void Dispose() => _data.Dispose();
}
