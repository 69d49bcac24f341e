using System.Net;
using System.Net.Http.Json;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Examples;
using DreamOmni2.Server.Uploads;
using DreamOmni2.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace DreamOmni2.Server.Tests.Examples;

/// <summary>The tiny pack's examples on the real server: served by number only, and taken as their taker's uploads.</summary>
public sealed class ExampleTests : IDisposable
{
    private readonly TempFolder _data = new();

    private static Dictionary<string, string?> Tiny(Dictionary<string, string?>? settings = null)
    {
        var all = settings ?? [];
        all["Playground:PackPath"] = "packs/tiny";
        return all;
    }

    [Fact]
    public async Task Example_images_are_served_by_their_numbers_and_nothing_else_answers()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: Tiny());
        using var http = host.Http();
        var catalog = host.Services.GetRequiredService<ExampleCatalog>();

        using var image = await http.GetAsync(ExampleCatalog.ImageUrl(1, 2));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(catalog.Image(1, 2), await image.Content.ReadAsByteArrayAsync());

        using var noImage = await http.GetAsync(ExampleCatalog.ImageUrl(1, 3));
        Assert.Equal(HttpStatusCode.NotFound, noImage.StatusCode);
        Assert.Equal("the pack has no image 3 in example 1; it has 9 examples", (await noImage.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        foreach (string path in new[] { ExampleCatalog.ImageUrl(0, 1), ExampleCatalog.ImageUrl(10, 1), "/examples/1/images/-1.png",
                     "/examples/1/images/..%2F..%2F..%2Fpack.json", "/examples/..%2Fpack.json/images/1.png", "/examples/1/images/1.json" })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_stranger_is_sent_to_sign_in_before_any_example_image()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: Tiny(SignedInClient.HostedSettings("ann")));
        using var anonymous = SignedInClient.Anonymous(host);

        using var refused = await anonymous.Http.GetAsync(ExampleCatalog.ImageUrl(1, 1));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/signin", refused.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_taken_example_is_its_takers_uploads_and_runs_as_written()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: Tiny(SignedInClient.HostedSettings("ann", "bob")));
        using var ann = await SignedInClient.SignInAsync(host, "ann");
        using var bob = await SignedInClient.SignInAsync(host, "bob");
        var catalog = host.Services.GetRequiredService<ExampleCatalog>();
        int number = catalog.Cards.First(c => c.Title.StartsWith("Background", StringComparison.Ordinal)).Number;
        var example = catalog.Find(number)!;

        var images = await catalog.UploadAsync("ann", number, host.Services.GetRequiredService<UploadService>(), CancellationToken.None);

        Assert.Equal(example.Images.Select(Path.GetFileName), images.Select(i => i.Name));
        Assert.All(images, i => Assert.Equal((64, 64), (i.Width, i.Height)));
        foreach (var image in images)
        {
            Assert.Equal(HttpStatusCode.OK, (await ann.Http.GetAsync(JobUrls.File(image.Hash))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await bob.Http.GetAsync(JobUrls.File(image.Hash))).StatusCode);
        }
        var job = host.Jobs.Submit("ann", Submissions.Of(example.Mode, [.. images.Select(i => i.Hash)], example.Instruction));
        var done = (await host.Jobs.WatchUntilAsync("ann", job.Id, s => s.State.IsFinished())).Record;
        Assert.Equal(JobState.Completed, done.State);
        Assert.False(done.Outcome.TranslationFellBack);
        Assert.Equal("make image 1 have the background of image 3", done.Outcome.Prompt);
    }

    [Fact]
    public async Task Taking_an_example_counts_against_the_upload_rate_like_any_upload()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: Tiny(new() { ["Playground:RateLimits:UploadsPerMinute"] = "3" }));
        var catalog = host.Services.GetRequiredService<ExampleCatalog>();
        var uploads = host.Services.GetRequiredService<UploadService>();
        int fourImages = catalog.Cards.First(c => c.ImageUrls.Count == 4).Number;

        var refused = await Assert.ThrowsAsync<Refusals.RefusalException>(() => catalog.UploadAsync("local", fourImages, uploads, CancellationToken.None));

        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.StatusCode);
    }

    public void Dispose() => _data.Dispose();
}
