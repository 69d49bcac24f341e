using System.Net;
using DreamOmni2.Contracts;
using DreamOmni2.TestSupport;

namespace DreamOmni2.Server.Tests.Storage;

/// <summary>The whole server on the shared store: accounts, uploads, jobs and history in PostgreSQL, across a restart.</summary>
public sealed class PostgresHostTests : IDisposable
{
    private readonly TempFolder _data = new();

    [PostgresFact]
    public async Task A_hosted_server_on_postgres_signs_in_runs_a_job_and_keeps_it_across_a_restart()
    {
        using var postgres = new TestPostgres();
        var settings = SignedInClient.HostedSettings("ann");
        settings["Playground:Postgres"] = postgres.ConnectionString;
        string jobId;
        string cookie;
        using (var first = PlaygroundHost.Start(_data.Path, settings: settings))
        {
            using var ann = await SignedInClient.SignInAsync(first, "ann");
            using var upload = await ann.Http.PostAsync("/api/uploads", PlaygroundHost.UploadContent(TestImages.Png(64, 64, 2), "a.png"));
            upload.EnsureSuccessStatusCode();
            var image = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<UploadedImage>(upload.Content, JobJson.Options))!;
            var job = first.Jobs.Submit("ann", Submissions.Of(GenerationMode.Edit, [image.Hash], "make image 1 red", steps: 2));
            Assert.Equal(JobState.Completed, (await first.Jobs.WatchUntilAsync("ann", job.Id, s => s.State.IsFinished())).State);
            jobId = job.Id;
            cookie = ann.CookieHeader;
        }
        using var second = PlaygroundHost.Start(_data.Path, settings: settings);

        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = second.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/jobs/{jobId}/result.png");
        request.Headers.Add("Cookie", cookie);
        using var result = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("image/png", result.Content.Headers.ContentType?.MediaType);
        Assert.Single(second.Jobs.History("ann"));
    }

    public void Dispose() => _data.Dispose();
}
