using DreamOmni2.Contracts;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Sharing;
using DreamOmni2.Server.Storage;
using DreamOmni2.TestSupport;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Time.Testing;
using System.Security.Claims;

namespace DreamOmni2.Server.Tests.Storage;

/// <summary>Every repository does the same on SQLite and on PostgreSQL: the statements are written once for both.</summary>
public sealed class StoreContractTests : IDisposable
{
    private readonly StoreFixture _store = new();

    private FakeTimeProvider Clock => _store.Clock;

    [Theory, StoreKinds]
    public void Jobs_are_stored_found_listed_by_owner_group_and_chain_and_deleted(string store)
    {
        var jobs = new JobRepository(Open(store));
        var first = Job("ann", "a", group: "g1", chain: null, minutesAgo: 3);
        var second = Job("ann", "b", group: "g1", chain: null, minutesAgo: 2) with { Outcome = new JobOutcome { ResultHash = "r1", Prompt = "p" } };
        var round = Job("ann", "c", group: null, chain: "k1", minutesAgo: 1);
        var other = Job("bob", "d", group: null, chain: null, minutesAgo: 0);
        foreach (var job in new[] { first, second, round, other })
        {
            jobs.Insert(job);
        }
        jobs.Update(first with { State = JobState.Completed, Outcome = new JobOutcome { Prompt = "done" } });

        Assert.Equal(("done", JobState.Completed), (jobs.Find("ann", first.Id)!.Outcome.Prompt, jobs.Find("ann", first.Id)!.State));
        Assert.Null(jobs.Find("bob", first.Id));
        Assert.Equal([round.Id, second.Id], jobs.List("ann", 2).Select(j => j.Id));
        Assert.Equal([first.Id, second.Id], jobs.ListGroup("ann", "g1").Select(j => j.Id));
        Assert.Equal([round.Id], jobs.ListChain("ann", "k1").Select(j => j.Id));
        Assert.True(jobs.UsesResult("ann", "r1"));
        Assert.False(jobs.UsesResult("bob", "r1"));
        Assert.Equal([second.Id, round.Id, other.Id], jobs.ListUnfinished().Select(j => j.Id));
        Assert.False(jobs.Delete("bob", second.Id));
        Assert.True(jobs.Delete("ann", second.Id));
        Assert.Null(jobs.Find("ann", second.Id));
    }

    [Theory, StoreKinds]
    public void Uploads_and_file_ownership_are_kept_per_owner_and_written_twice_without_error(string store)
    {
        var database = Open(store);
        var uploads = new UploadRepository(database);
        var ownership = new FileOwnership(database);

        uploads.Add("ann", new UploadedImage("h1", "t1", 64, 32, "a.png"));
        uploads.Add("ann", new UploadedImage("h1", "t1", 64, 32, "renamed.png"));
        ownership.Grant("ann", "h1", 1000);
        ownership.Grant("ann", "h1", 1000);
        ownership.Grant("ann", "t1", 24);
        ownership.Grant("bob", "h1", 1000);

        Assert.Equal(new UploadedImage("h1", "t1", 64, 32, "renamed.png"), uploads.Find("ann", "h1"));
        Assert.Null(uploads.Find("bob", "h1"));
        Assert.True(uploads.Uses("ann", "t1"));
        Assert.True(ownership.Owns("bob", "h1"));
        Assert.Equal(1024, ownership.BytesOwnedBy("ann"));
        ownership.Revoke("ann", "h1");
        Assert.False(ownership.Owns("ann", "h1"));
        Assert.True(ownership.OwnedByAnyone("h1"));
    }

    [Theory, StoreKinds]
    public async Task Accounts_sessions_tokens_invitations_and_share_links_behave_alike(string store)
    {
        var database = Open(store);
        var sessions = new SessionStore(database, Clock);
        var accounts = new UserAccounts(database, Clock);
        var tokens = new AccessTokens(database, Clock);
        var invitations = new Invitations(database, accounts, Clock);
        var links = new ShareLinks(database, Clock);

        accounts.Add("Ann", "a long enough password", Roles.Admin);
        Assert.Throws<AccountException>(() => accounts.Add("ann", "a long enough password", Roles.User));
        Assert.Equal("Ann", accounts.Find("ANN")!.Name);
        string key = await sessions.StoreAsync(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "Ann")], "test")), "test"));
        Assert.Equal("Ann", (await sessions.RetrieveAsync(key))!.Principal.Identity!.Name);
        accounts.SetDisabled("Ann", false);
        Assert.Null(await sessions.RetrieveAsync(key));

        var (_, token) = tokens.Create("Ann", "script");
        Assert.Equal("Ann", tokens.UserOf(token));

        string invitation = invitations.Create("Ann", Roles.User, TimeSpan.FromDays(1));
        Assert.Equal("cleo", invitations.Accept(invitation, "cleo", "another long password")!.Name);
        Assert.Null(invitations.Accept(invitation, "dora", "another long password"));

        var job = Job("Ann", "s", group: null, chain: null, minutesAgo: 0);
        var link = links.Create("Ann", ShareScope.Job, job.Id, job.Id, new ShareOptions(ShowInputs: true, ExpiresAfter: TimeSpan.FromHours(1)));
        Assert.True(links.Open(link.Token)!.ShowInputs);
        Clock.Advance(TimeSpan.FromHours(2));
        Assert.Null(links.Open(link.Token));
        Assert.Single(links.List("Ann"));
    }

    private PlaygroundDatabase Open(string store) => _store.Open(store);

    private JobRecord Job(string owner, string instruction, string? group, string? chain, int minutesAgo) =>
        _store.Job(owner, instruction, group, chain, minutesAgo, ready: false);

    public void Dispose() => _store.Dispose();
}
