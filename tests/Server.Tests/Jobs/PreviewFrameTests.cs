using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Configuration;
using DreamOmni2.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Tests.Jobs;

/// <summary>Step previews as a viewer fetches them from the real server, for each kind of pack preview.</summary>
public sealed class PreviewFrameTests : IDisposable
{
    private const string Owner = LocalUser.Name;
    private const string ShapeWorldPrompt = "make the square in image 1 red";
    private readonly TempFolder _data = new();

    [Fact]
    public async Task The_tiny_packs_last_preview_is_its_result_at_full_size()
    {
        // A result waiting for its check stays live with its last frame: the check is held until the frame is fetched.
        var checkAnswered = new TaskCompletionSource();
        await using var vlm = await FakeOpenAiServer.StartAsync(async (_, context) =>
        {
            await checkAnswered.Task;
            await FakeOpenAiServer.WriteCompletionAsync(context, "yes");
        });
        using var host = PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?>
        {
            ["Playground:PackPath"] = "packs/tiny",
            ["Translation:Vlm:Endpoint"] = vlm.Endpoint.ToString(),
            ["Translation:Vlm:Model"] = "loopback-vlm",
            ["Translation:Reflection:Enabled"] = "true",
        });
        var image = await host.UploadAsync(TestImages.Png(64, 64, 5));
        using var http = host.Http();

        var job = host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Edit, [image.Hash], ShapeWorldPrompt, ShapeWorldPrompt, reflect: true));
        var checking = await host.Jobs.WatchUntilAsync(Owner, job.Id, s => s.State == JobState.Checking);
        byte[] preview = await http.GetByteArrayAsync($"/jobs/{job.Id}/preview.jpg?step={checking.Steps}");
        var result = Decode(await http.GetByteArrayAsync($"/jobs/{job.Id}/result.png"));
        checkAnswered.SetResult();

        // The frame is the result's own pixels, so it is exactly the result as the server encodes a preview.
        int quality = host.Services.GetRequiredService<IOptions<PlaygroundOptions>>().Value.PreviewJpegQuality;
        Assert.Equal(checking.Steps, checking.Preview!.Step);
        Assert.Equal(result.Size, Decode(preview).Size);
        Assert.Equal(JpegEncoder.Encode(result.Rgb, result.Width, result.Height, quality), preview);
    }

    [Fact]
    public async Task A_linear_preview_pack_keeps_its_latent_sized_frames()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        var image = await host.UploadAsync(TestImages.Png(128, 128, 5));
        using var http = host.Http();

        var job = host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Edit, [image.Hash], "make image 1 red", steps: 200));
        var running = await host.Jobs.WatchUntilAsync(Owner, job.Id, s => s is { State: JobState.Running, Preview: not null });
        var preview = Decode(await http.GetByteArrayAsync($"/jobs/{job.Id}/preview.jpg?step={running.Preview!.Step}"));
        host.Jobs.Cancel(Owner, job.Id);

        Assert.Equal(new ImageSize(16, 16), preview.Size);
    }

    private static DecodedImage Decode(byte[] bytes) => ImageDecoder.Decode(bytes, ImageLimits.Default, 1);

    public void Dispose() => _data.Dispose();
}
