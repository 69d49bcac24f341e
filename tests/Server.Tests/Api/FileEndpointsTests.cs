using System.Net;
using System.Net.Http.Json;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Api;
using DreamOmni2.TestSupport;

using Microsoft.AspNetCore.Mvc;

namespace DreamOmni2.Server.Tests.Api;

public sealed class FileEndpointsTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_corrupt_upload_is_refused_with_the_decoders_message()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        using var http = host.Http();
        byte[] png = TestImages.Png(64, 64, 1);

        using var truncated = await http.PostAsync(FileEndpoints.UploadPath, PlaygroundHost.UploadContent(png[..(png.Length / 2)], "cut.png"));
        using var text = await http.PostAsync(FileEndpoints.UploadPath, PlaygroundHost.UploadContent("hello"u8.ToArray(), "notes.png"));

        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        var truncatedError = await truncated.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.StartsWith("image 1 is cut short or damaged", truncatedError!.Detail);
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Equal("image 1 is not a PNG, JPEG or WebP file", (await text.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_refused_on_the_server()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?> { ["Playground:MaxUploadBytes"] = "1000" });
        using var http = host.Http();

        using var response = await http.PostAsync(FileEndpoints.UploadPath, PlaygroundHost.UploadContent(TestImages.Noise(96, 96, 2), "big.png"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("the limit is 1000 bytes", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task In_hosted_mode_files_are_served_only_to_their_owner()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?>
        {
            ["Playground:Hosted"] = "true",
            ["Playground:Users:ann"] = "ann-secret",
            ["Playground:Users:bob"] = "bob-secret",
        });
        using var ann = await SignedInAsync(host, "ann", "ann-secret");
        using var bob = await SignedInAsync(host, "bob", "bob-secret");
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        using var upload = await ann.PostAsync(FileEndpoints.UploadPath, PlaygroundHost.UploadContent(TestImages.Png(64, 64, 3), "mine.png"));
        upload.EnsureSuccessStatusCode();
        string hash = (await upload.Content.ReadFromJsonAsync<UploadedImage>())!.Hash;

        Assert.Equal(HttpStatusCode.OK, (await ann.GetAsync(JobUrls.File(hash))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync(JobUrls.File(hash))).StatusCode);
        var refused = await anonymous.GetAsync(JobUrls.File(hash));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/signin", refused.Headers.Location!.PathAndQuery);
    }

    private static async Task<HttpClient> SignedInAsync(PlaygroundHost host, string user, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.BaseAddress };
        using var response = await client.PostAsync("/signin", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["user"] = user, ["password"] = password, ["returnUrl"] = "/history" }));
        Assert.Equal("/history", response.RequestMessage!.RequestUri!.AbsolutePath);
        return client;
    }

    public void Dispose() => _data.Dispose();
}
