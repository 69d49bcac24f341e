using System.Text.Json.Nodes;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Pipeline;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine.Runtime;
using DreamOmni2.Engine.Tests.Support;
using Microsoft.ML.OnnxRuntime;

namespace DreamOmni2.Engine.Tests.Pipeline;

public class KontextJobTests
{
    [Fact]
    public void Cancelling_during_a_step_terminates_the_transformer_run_in_flight()
    {
        // At 512×512 the fixture's transformer attends over 1024 tokens: a step long enough to be cancelled inside.
        using var pack = TestPacks.CopyFixture(m => m["defaults"]!["generate_size"] = new JsonArray(512, 512));
        using var sessions = PackSessions.Open(ModelPack.Load(pack.Directory));
        var request = new GenerationRequest { Mode = GenerationMode.Generate, Prompt = "a red circle", Seed = 1, Steps = 10, Previews = false };
        using var job = KontextJob.Prepare(sessions, PipelineInput.ForPrompt(sessions.Rules, request, []), CancellationToken.None);

        OperationCanceledException? cancelled = null;
        for (int attempt = 0; attempt < 10 && cancelled is null; attempt++)
        {
            using var cancellation = new CancellationTokenSource();
            // A thread of its own, so that a busy thread pool cannot delay the cancellation past the step.
            var canceller = new Thread(() =>
            {
                Thread.Sleep(10);
                cancellation.Cancel();
            });
            canceller.Start();
            try
            {
                job.Step(cancellation.Token);
            }
            catch (OperationCanceledException e) when (e.InnerException is OnnxRuntimeException)
            {
                cancelled = e;
            }
            catch (OperationCanceledException)
            {
                // Cancelled before the run began (this thread was descheduled for the whole delay): try again.
            }
            canceller.Join();
        }
        Assert.NotNull(cancelled);
    }

    [Fact]
    public void A_pack_named_preview_decoder_replaces_the_linear_preview()
    {
        // The fixture's VAE decoder has a preview decoder's shape: a (1, 16, h, w) latent in, an 8× larger image out.
        using var pack = TestPacks.CopyFixture(m => m["latent"]!["preview"] = new JsonObject { ["kind"] = "decoder", ["decoder"] = "vae_decoder.onnx" });
        using var sessions = PackSessions.Open(ModelPack.Load(pack.Directory));
        var request = new GenerationRequest { Mode = GenerationMode.Generate, Prompt = "a red circle", Seed = 1, Steps = 1 };
        using var job = KontextJob.Prepare(sessions, PipelineInput.ForPrompt(sessions.Rules, request, []), CancellationToken.None);

        var preview = job.Step(CancellationToken.None).Preview;

        Assert.NotNull(sessions.PreviewDecoder);
        Assert.Equal(job.Prepared.OutputSize, preview!.Size);
    }

    [Fact]
    public void A_vae_preview_of_the_last_step_is_the_result_itself()
    {
        using var sessions = PackSessions.Open(ModelPack.Load(TestPacks.Tiny));
        var request = new GenerationRequest { Mode = GenerationMode.Generate, Prompt = "generate a large red striped filled star on a sky background", Seed = 3, Steps = 4 };
        using var job = KontextJob.Prepare(sessions, PipelineInput.ForPrompt(sessions.Rules, request, []), CancellationToken.None);

        DecodedImage? last = null;
        while (!job.IsDenoised)
        {
            last = job.Step(CancellationToken.None).Preview;
        }
        var result = job.Decode(CancellationToken.None);

        Assert.Equal(new ImageSize(64, 64), last!.Size);
        Assert.Equal(result.Rgb, last.Rgb);
    }
}
