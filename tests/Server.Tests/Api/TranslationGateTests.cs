using DreamOmni2.Contracts;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Auth;
using DreamOmni2.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace DreamOmni2.Server.Tests.Api;

/// <summary>
/// A request the translator has a problem with (it could not read the instruction, or the instruction contradicts the
/// images) does not run unless it says to run as written: through the hub a client learns why, and what the
/// translator saw, before anything is drawn.
/// </summary>
public sealed class TranslationGateTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task An_instruction_the_translator_cannot_read_fails_with_the_reason_and_runs_when_asked_to_run_as_written()
    {
        using var host = StartOnTheTinyPack();
        await using var hub = await host.ConnectHubAsync();

        var refused = await SubmitAndWatchAsync(hub, Request(GenerationMode.Generate, "a dog on a beach"), []);

        Assert.Equal(JobState.Failed, refused.State);
        Assert.Equal(0, refused.Step);
        Assert.Null(refused.ResultUrl);
        Assert.Equal(RequestField.Translation, refused.Error!.Field);
        Assert.Contains("could not understand \"dog\"", refused.Error.Message);
        Assert.EndsWith("Change the instruction, or run it as written.", refused.Error.Message);
        Assert.True(refused.Translation!.FellBack);
        Assert.Equal("a dog on a beach", refused.Prompt);

        var ran = await SubmitAndWatchAsync(hub, Request(GenerationMode.Generate, "a dog on a beach") with { RunAsWritten = true }, []);

        Assert.Equal(JobState.Completed, ran.State);
        Assert.NotNull(ran.ResultUrl);
    }

    [Fact]
    public async Task An_image_the_request_lacks_stops_the_job_and_says_what_was_seen_in_the_others()
    {
        using var host = StartOnTheTinyPack();
        var star = await host.UploadAsync(ShapeWorldPictures.Png(ShapeWorldPictures.Star));
        var circle = await host.UploadAsync(ShapeWorldPictures.Png(ShapeWorldPictures.Circle));
        await using var hub = await host.ConnectHubAsync();

        var refused = await SubmitAndWatchAsync(hub, Request(GenerationMode.Edit, "give the thing in the first picture the colour of image 3"), [star.Hash, circle.Hash]);

        Assert.Equal(JobState.Failed, refused.State);
        Assert.Contains("there is no image 3: the request has 2 images", refused.Error!.Message);
        Assert.Equal(["image 1: small red striped star on sand", "image 2: large blue circle on mint lit from the top"], refused.Translation!.ImageReadings);
    }

    [Fact]
    public async Task An_instruction_that_contradicts_the_images_stops_and_runs_as_written_with_the_shape_seen()
    {
        using var host = StartOnTheTinyPack();
        var star = await host.UploadAsync(ShapeWorldPictures.Png(ShapeWorldPictures.Star));
        var circle = await host.UploadAsync(ShapeWorldPictures.Png(ShapeWorldPictures.Circle));
        await using var hub = await host.ConnectHubAsync();
        var request = Request(GenerationMode.Edit, "make the heart in image 1 have the color of image 2");

        var refused = await SubmitAndWatchAsync(hub, request, [star.Hash, circle.Hash]);
        var ran = await SubmitAndWatchAsync(hub, request with { RunAsWritten = true }, [star.Hash, circle.Hash]);

        Assert.Equal(JobState.Failed, refused.State);
        Assert.Equal(
            "the instruction does not match the images: image 1 has no heart: it holds a small red striped star on sand, " +
            "so the prompt names the star. Change the instruction, or run it as written.", refused.Error!.Message);
        Assert.Equal(JobState.Completed, ran.State);
        Assert.Equal("make the star in image 1 have the color of image 2", ran.Prompt);
        Assert.Single(ran.Translation!.Problems);
    }

    [Fact]
    public async Task A_request_the_translator_reads_runs_and_shows_what_it_saw()
    {
        using var host = StartOnTheTinyPack();
        var star = await host.UploadAsync(ShapeWorldPictures.Png(ShapeWorldPictures.Star));
        var circle = await host.UploadAsync(ShapeWorldPictures.Png(ShapeWorldPictures.Circle));
        await using var hub = await host.ConnectHubAsync();

        var ran = await SubmitAndWatchAsync(hub, Request(GenerationMode.Edit, "recolour image #1 using img 2"), [star.Hash, circle.Hash]);

        Assert.Equal(JobState.Completed, ran.State);
        Assert.Equal("make the star in image 1 have the color of image 2", ran.Prompt);
        Assert.Empty(ran.Translation!.Problems);
        Assert.Equal(2, ran.Translation.ImageReadings.Count);
    }

    [Fact]
    public async Task An_ablation_grid_the_translator_cannot_read_is_refused_before_it_is_queued()
    {
        using var host = StartOnTheTinyPack();
        await using var hub = await host.ConnectHubAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<IReadOnlyList<string>>(
            nameof(JobsHub.SubmitAblation), new JobSubmission([], Request(GenerationMode.Generate, "a dog on a beach"))));
        var queuedAfterRefusal = host.Jobs.History(LocalUser.Name).Count;
        var ran = await hub.InvokeAsync<IReadOnlyList<string>>(
            nameof(JobsHub.SubmitAblation), new JobSubmission([], Request(GenerationMode.Generate, "a dog on a beach") with { RunAsWritten = true }));

        Assert.Contains("could not understand \"dog\"", refused.Message);
        Assert.Equal(0, queuedAfterRefusal);
        Assert.Equal(4, ran.Count);
    }

    private PlaygroundHost StartOnTheTinyPack() =>
        PlaygroundHost.Start(_data.Path, defaultSteps: 2, settings: new Dictionary<string, string?> { ["Playground:PackPath"] = "packs/tiny" });

    private static GenerationRequest Request(GenerationMode mode, string instruction) => new() { Mode = mode, Instruction = instruction, Seed = 1 };

    private static async Task<JobUpdate> SubmitAndWatchAsync(HubConnection hub, GenerationRequest request, IReadOnlyList<string> images)
    {
        var submitted = await hub.InvokeAsync<JobUpdate>(nameof(JobsHub.Submit), new JobSubmission(images, request));
        using var timeout = new CancellationTokenSource(JobWaits.Timeout);
        JobUpdate last = submitted;
        await foreach (var update in hub.StreamAsync<JobUpdate>(nameof(JobsHub.Watch), submitted.Id, timeout.Token))
        {
            last = update;
        }
        return last;
    }

    public void Dispose() => _data.Dispose();
}
