using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Pipeline;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine.Tests.Imaging;
using DreamOmni2.Engine.Tests.Support;
using SkiaSharp;

namespace DreamOmni2.Engine.Tests.Pipeline;

[Collection(FixtureCollection.Name)]
public class KontextPipelineTests(FixtureSessions fixture)
{
    private readonly KontextPipeline _pipeline = new(fixture.Sessions);

    private static readonly IReadOnlyList<ReadOnlyMemory<byte>> s_images = [Png(128, 128, seed: 1), Png(200, 120, seed: 2), Png(90, 150, seed: 3)];

    private static GenerationRequest Edit(EncodingScheme? scheme = null, int steps = 3) => new()
    {
        Mode = GenerationMode.Edit,
        Prompt = "make the circle in image 1 have the color of image 2",
        Seed = 42,
        Steps = steps,
        Scheme = scheme,
    };

    /// <summary>A PNG whose pixels <paramref name="seed"/> varies.</summary>
    private static byte[] Png(int width, int height, int seed) =>
        TestImages.Encode(width, height, (x, y) => TestImages.Noise(x + 1000 * seed, y), SKEncodedImageFormat.Png);

    [Fact]
    public async Task The_same_seed_gives_identical_png_bytes()
    {
        var first = await _pipeline.Result(Edit(), s_images);
        var second = await _pipeline.Result(Edit(), s_images);
        Assert.Equal(first.Png, second.Png);
    }

    [Fact]
    public async Task The_four_encoding_schemes_give_four_different_images()
    {
        var images = new List<byte[]>();
        foreach (var scheme in EncodingScheme.All)
        {
            images.Add((await _pipeline.Result(Edit(scheme), s_images)).Image.Rgb);
        }
        for (int i = 0; i < images.Count; i++)
        {
            for (int j = i + 1; j < images.Count; j++)
            {
                Assert.False(images[i].AsSpan().SequenceEqual(images[j]), $"{EncodingScheme.All[i]} and {EncodingScheme.All[j]} gave the same image");
            }
        }
    }

    [Fact]
    public async Task Events_are_prepared_then_one_step_per_step_with_a_latent_sized_preview_then_decoded_and_completed()
    {
        var events = await _pipeline.Events(Edit(steps: 4), s_images);

        var prepared = Assert.IsType<PipelineEvent.Prepared>(events[0]);
        Assert.Equal(new ImageSize(128, 128), prepared.OutputSize);
        Assert.Equal(64, prepared.TargetTokens);
        var steps = events.OfType<PipelineEvent.Step>().ToList();
        Assert.Equal([1, 2, 3, 4], steps.Select(s => s.Number));
        Assert.All(steps, s =>
        {
            Assert.Equal(4, s.Count);
            Assert.NotNull(s.Preview);
            Assert.Equal(new ImageSize(16, 16), s.Preview.Size);
            Assert.True(s.OnnxTime <= s.Elapsed);
        });
        Assert.Equal(1f, steps[0].Sigma);
        Assert.IsType<PipelineEvent.Decoded>(events[^2]);
        var result = Assert.IsType<PipelineEvent.Completed>(events[^1]).Result;
        Assert.Equal(new ImageSize(128, 128), result.Image.Size);
        Assert.Equal(7, events.Count);
    }

    [Fact]
    public async Task Cancelling_after_the_second_step_stops_before_a_fourth()
    {
        using var cancellation = new CancellationTokenSource();
        var steps = new List<int>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in _pipeline.RunAsync(PipelineInput.ForPrompt(fixture.Sessions.Rules, Edit(steps: 6), s_images), cancellation.Token))
            {
                if (e is PipelineEvent.Step step)
                {
                    steps.Add(step.Number);
                    if (step.Number == 2)
                    {
                        cancellation.Cancel();
                    }
                }
            }
        });
        Assert.InRange(steps.Count, 2, 3);
    }

    [Fact]
    public async Task A_request_without_a_seed_reports_the_seed_it_drew_and_records_it()
    {
        var events = await _pipeline.Events(Edit(steps: 1) with { Seed = null, Previews = false }, s_images);
        var prepared = Assert.IsType<PipelineEvent.Prepared>(events[0]);
        var result = Assert.IsType<PipelineEvent.Completed>(events[^1]).Result;
        Assert.Equal(prepared.Seed, result.Parameters.Seed);
        Assert.All(events.OfType<PipelineEvent.Step>(), s => Assert.Null(s.Preview));
    }

    [Fact]
    public async Task Generation_without_images_fits_the_requested_aspect_ratio_to_the_pack_area()
    {
        var request = new GenerationRequest
        {
            Mode = GenerationMode.Generate,
            Prompt = "a large red striped filled circle on a white background",
            Seed = 1,
            Steps = 1,
            OutputSize = new ImageSize(300, 150),
        };
        var result = await _pipeline.Result(request);
        Assert.Equal(OutputSize.For(300, 150, 16384), result.Image.Size);
    }

    [Fact]
    public async Task A_broken_image_ends_the_stream_with_a_failure_naming_the_image()
    {
        var events = await _pipeline.Events(Edit(), [Png(64, 64, 1), new byte[] { 1, 2, 3 }]);
        var failed = Assert.IsType<PipelineEvent.Failed>(Assert.Single(events));
        var error = Assert.IsType<ImageInputException>(failed.Error);
        Assert.Equal(2, error.ImageNumber);
    }

    [Fact]
    public async Task An_output_size_for_an_edit_is_refused_before_anything_runs()
    {
        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => _pipeline.Events(Edit() with { OutputSize = new ImageSize(256, 128) }, s_images));
        Assert.Equal(RequestField.Size, error.Error.Field);
    }

    [Fact]
    public async Task A_token_cancelled_before_the_start_throws_without_running()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _pipeline.Events(Edit(), s_images, new CancellationToken(canceled: true)));
    }
}
