using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Sharing;
using DreamOmni2.Server.Storage;
using DreamOmni2.Server.Uploads;
using DreamOmni2.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DreamOmni2.Server.Tests.Sharing;

/// <summary>Share links on a hosted server, opened as a stranger's browser opens them: signed out, real Kestrel, real SQLite.</summary>
public sealed class ShareLinkTests : IDisposable
{
    private const string Instruction = "make the square in image 1 bright red";
    private const string Prompt = "the square is bright red, keep everything else";

    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_link_opens_signed_out_with_the_result_alone_and_its_png_without_parameters()
    {
        using var host = Hosted();
        var job = await EditAsync(host, "ann");
        var link = Shares(host).Create("ann", job.Id, new ShareOptions());
        using var stranger = SignedInClient.Anonymous(host);

        using var page = await stranger.Http.GetAsync(link.Path);
        string html = await page.Content.ReadAsStringAsync();
        using var result = await stranger.Http.GetAsync($"{link.Path}/results/1.png");
        byte[] png = await result.Content.ReadAsByteArrayAsync();
        using var input = await stranger.Http.GetAsync($"{link.Path}/inputs/1");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"{link.Path}/results/1.png", html);
        foreach (string secret in new[] { "ann", job.Id, Instruction, Prompt, "/history", "/jobs/", "/files/", "_blazor", "/settings" })
        {
            Assert.DoesNotContain(secret, html, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain("compare", html);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("image/png", result.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", result.Headers.CacheControl!.ToString());
        Assert.DoesNotContain("parameters", TextKeywords(png));
        Assert.NotEmpty(TextKeywords(Stored(host, job)));
        Assert.Equal(Chunks(Stored(host, job)).Where(c => c.Keyword != "parameters").Select(c => c.Type), Chunks(png).Select(c => c.Type));
        Assert.Equal(HttpStatusCode.NotFound, input.StatusCode);
    }

    [Fact]
    public async Task Inputs_prompt_slider_and_parameters_are_shown_only_when_the_owner_chose_them()
    {
        using var host = Hosted();
        var job = await EditAsync(host, "ann");
        var link = Shares(host).Create("ann", job.Id, new ShareOptions(ShowInputs: true, KeepParameters: true));
        using var stranger = SignedInClient.Anonymous(host);

        string html = await stranger.Http.GetStringAsync(link.Path);
        byte[] png = await stranger.Http.GetByteArrayAsync($"{link.Path}/results/1.png");
        byte[] input = await stranger.Http.GetByteArrayAsync($"{link.Path}/inputs/1");

        Assert.Contains(Instruction, html);
        Assert.Contains(Prompt, html);
        Assert.Contains("class=\"compare", html);
        Assert.Contains("/js/share.js", html);
        Assert.DoesNotContain("ann", html);
        Assert.Equal(Stored(host, job), png);
        Assert.Contains("parameters", TextKeywords(png));
        Assert.Equal(host.Services.GetRequiredService<ContentStore>().Read(job.Spec.Images[0].Hash), input);
    }

    [Fact]
    public async Task Revoked_expired_unknown_and_malformed_links_answer_the_same_404()
    {
        using var host = Hosted();
        var job = await EditAsync(host, "ann");
        var shares = Shares(host);
        var revoked = shares.Create("ann", job.Id, new ShareOptions());
        Assert.True(shares.Revoke("ann", $"{host.BaseAddress.ToString().TrimEnd('/')}{revoked.Path}"));
        var lastWeek = new FixedClock(DateTimeOffset.UtcNow - TimeSpan.FromDays(7));
        var expired = new ShareLinks(host.Services.GetRequiredService<PlaygroundDatabase>(), lastWeek)
            .Create("ann", ShareScope.Job, job.Id, job.Id, new ShareOptions(ExpiresAfter: TimeSpan.FromDays(1)));
        var live = shares.Create("ann", job.Id, new ShareOptions(ExpiresAfter: TimeSpan.FromDays(1)));
        string unknown = new('A', ShareLinks.TokenLength);
        using var stranger = SignedInClient.Anonymous(host);

        var pages = new List<(HttpStatusCode, string?, string)>();
        var images = new List<(HttpStatusCode, string?, string)>();
        foreach (string token in new[] { revoked.Token, expired.Token, unknown, "not-a-token", "..%2F..", revoked.Token + "x" })
        {
            pages.Add(await GetAsync(stranger, $"/s/{token}"));
            images.Add(await GetAsync(stranger, $"/s/{token}/results/1.png"));
        }

        Assert.Equal(HttpStatusCode.NotFound, pages[0].Item1);
        Assert.Single(pages.Distinct());
        Assert.Equal(HttpStatusCode.NotFound, images[0].Item1);
        Assert.Single(images.Distinct());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(stranger, live.Path)).Item1);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(stranger, $"{live.Path}/results/2.png")).Item1);
        Assert.Equal([live.Token, expired.Token], shares.List("ann").Select(l => l.Token));
    }

    [Fact]
    public async Task Another_users_job_cannot_be_shared_and_their_links_cannot_be_revoked()
    {
        using var host = Hosted();
        var job = await EditAsync(host, "ann");
        var annLink = Shares(host).Create("ann", job.Id, new ShareOptions());
        string bobToken = host.Services.GetRequiredService<AccessTokens>().Create("bob", "test").Token;
        await using var bob = await host.ConnectHubAsync(bobToken);

        var othersJob = await Assert.ThrowsAsync<HubException>(() => bob.InvokeAsync<string>(nameof(JobsHub.CreateShare), job.Id, new ShareOptions()));
        var noJob = await Assert.ThrowsAsync<HubException>(() => bob.InvokeAsync<string>(nameof(JobsHub.CreateShare), "0123456789abcdef", new ShareOptions()));
        bool revoked = await bob.InvokeAsync<bool>(nameof(JobsHub.RevokeShare), annLink.Path);

        Assert.Equal(noJob.Message, othersJob.Message);
        Assert.Contains("no job of yours has that id", othersJob.Message);
        Assert.False(revoked);
        Assert.Empty(Shares(host).List("bob"));
        using var stranger = SignedInClient.Anonymous(host);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(stranger, annLink.Path)).Item1);
    }

    [Fact]
    public async Task The_owner_shares_and_revokes_through_the_hub_and_an_unfinished_job_is_refused()
    {
        using var host = Hosted();
        var job = await EditAsync(host, "ann");
        string annToken = host.Services.GetRequiredService<AccessTokens>().Create("ann", "test").Token;
        await using var ann = await host.ConnectHubAsync(annToken);
        var running = host.Jobs.Submit("ann", Submissions.Of(GenerationMode.Generate, [], "a red circle", prompt: "a red circle", steps: RequestLimits.MaxSteps));
        using var stranger = SignedInClient.Anonymous(host);

        string path = await ann.InvokeAsync<string>(nameof(JobsHub.CreateShare), job.Id, new ShareOptions(ExpiresAfter: TimeSpan.FromDays(7)));
        var opened = await GetAsync(stranger, path);
        bool revoked = await ann.InvokeAsync<bool>(nameof(JobsHub.RevokeShare), new Uri(host.BaseAddress, path).ToString());
        var unfinished = await Assert.ThrowsAsync<HubException>(() => ann.InvokeAsync<string>(nameof(JobsHub.CreateShare), running.Id, new ShareOptions()));
        var tooLong = await Assert.ThrowsAsync<HubException>(() => ann.InvokeAsync<string>(nameof(JobsHub.CreateShare), job.Id, new ShareOptions(ExpiresAfter: TimeSpan.FromDays(400))));
        host.Jobs.Cancel("ann", running.Id);

        Assert.Matches($"^/s/[A-Za-z0-9_-]{{{ShareLinks.TokenLength}}}$", path);
        Assert.Equal(HttpStatusCode.OK, opened.Item1);
        Assert.True(revoked);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(stranger, path)).Item1);
        Assert.Contains("still running", unfinished.Message);
        Assert.Contains("expires after", tooLong.Message);
    }

    [Fact]
    public async Task A_grid_is_shared_whole_and_deleting_a_job_deletes_the_links_that_show_it()
    {
        using var host = Hosted();
        var cells = await host.Jobs.SubmitAblationAsync("ann", Submissions.Of(GenerationMode.Generate, [], "a red circle", prompt: "a red circle", steps: 1), CancellationToken.None);
        foreach (var cell in cells)
        {
            await host.Jobs.WatchUntilAsync("ann", cell.Id, s => s.State.IsFinished());
        }
        var link = Shares(host).Create("ann", cells[2].Id, new ShareOptions());
        using var stranger = SignedInClient.Anonymous(host);

        string html = await stranger.Http.GetStringAsync(link.Path);
        var downloads = new List<HttpStatusCode>();
        for (int number = 1; number <= 5; number++)
        {
            downloads.Add((await GetAsync(stranger, $"{link.Path}/results/{number}.png")).Item1);
        }
        Assert.True(host.Jobs.Delete("ann", cells[0].Id));

        Assert.Equal(ShareScope.Ablation, link.Scope);
        Assert.Equal(4, html.Split("class=\"ablation-result\"").Length - 1);
        Assert.Contains("inputs told apart by index only", html);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound], downloads);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(stranger, link.Path)).Item1);
        Assert.Empty(Shares(host).List("ann"));
    }

    [Fact]
    public async Task Share_views_past_the_rate_are_refused_with_429_and_retry_after()
    {
        var settings = SignedInClient.HostedSettings("ann");
        settings["Playground:RateLimits:ShareViewsPerMinutePerAddress"] = "3";
        using var host = PlaygroundHost.Start(_data.Path, settings: settings);
        using var stranger = SignedInClient.Anonymous(host);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (int i = 0; i < 5; i++)
        {
            last?.Dispose();
            last = await stranger.Http.GetAsync($"/s/{new string('B', ShareLinks.TokenLength)}");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(last!.Headers.RetryAfter);
        last.Dispose();
    }

    [Fact]
    public async Task The_shares_page_is_for_signed_in_users_only()
    {
        using var host = Hosted();
        using var stranger = SignedInClient.Anonymous(host);
        using var ann = await SignedInClient.SignInAsync(host, "ann");

        using var refused = await stranger.Http.GetAsync("/settings/shares");
        using var shown = await ann.Http.GetAsync("/settings/shares");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/signin", refused.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
    }

    private PlaygroundHost Hosted() => PlaygroundHost.Start(_data.Path, settings: SignedInClient.HostedSettings("ann", "bob"));

    private static ShareService Shares(PlaygroundHost host) => host.Services.GetRequiredService<ShareService>();

    /// <summary>An edit of an uploaded image with a locked prompt, run to its end for <paramref name="owner"/>.</summary>
    private static async Task<JobRecord> EditAsync(PlaygroundHost host, string owner)
    {
        byte[] image = TestImages.Png(64, 64, 4);
        using var content = new MemoryStream(image);
        var upload = await host.Services.GetRequiredService<UploadService>().AcceptAsync(owner, content, image.Length, "square.png", 1, CancellationToken.None);
        var job = host.Jobs.Submit(owner, Submissions.Of(GenerationMode.Edit, [upload.Hash], Instruction, prompt: Prompt, seed: 3, steps: 1));
        var done = await host.Jobs.WatchUntilAsync(owner, job.Id, s => s.State.IsFinished());
        Assert.Equal(JobState.Completed, done.State);
        return done.Record;
    }

    private static byte[] Stored(PlaygroundHost host, JobRecord job) =>
        host.Services.GetRequiredService<ContentStore>().Read(host.Jobs.Find(job.Owner, job.Id)!.Outcome.ResultHash!);

    private static async Task<(HttpStatusCode Status, string? ContentType, string Body)> GetAsync(SignedInClient client, string path)
    {
        using var response = await client.Http.GetAsync(path);
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }

    /// <summary>The chunks of a PNG with, for text chunks, their keyword, read here rather than with the engine's reader.</summary>
    private static List<(string Type, string? Keyword)> Chunks(byte[] png)
    {
        var chunks = new List<(string, string?)>();
        for (int offset = 8; offset + 12 <= png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            string? keyword = type is "tEXt" or "zTXt" or "iTXt" ? Encoding.Latin1.GetString(data[..data.IndexOf((byte)0)]) : null;
            chunks.Add((type, keyword));
            offset += 12 + length;
        }
        return chunks;
    }

    private static List<string> TextKeywords(byte[] png) => Chunks(png).Select(c => c.Keyword).OfType<string>().ToList();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public void Dispose() => _data.Dispose();
}
