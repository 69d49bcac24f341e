using System.Text.Json.Nodes;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Pipeline;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine.Runtime;
using DreamOmni2.Engine.Tests.Support;

namespace DreamOmni2.Engine.Tests.Runtime;

public class IntraOpThreadsTests
{
    [Fact]
    public void The_default_is_the_physical_cores_and_the_pack_and_the_host_can_only_lower_it()
    {
        int cores = PhysicalCores.Available();
        Assert.Equal(cores, ExecutionProviders.IntraOpThreads(null, null));
        Assert.Equal(1, ExecutionProviders.IntraOpThreads(1, null));
        Assert.Equal(1, ExecutionProviders.IntraOpThreads(null, 1));
        Assert.Equal(1, ExecutionProviders.IntraOpThreads(cores + 4, 1));
        Assert.Equal(cores, ExecutionProviders.IntraOpThreads(cores + 4, cores + 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExecutionProviders.IntraOpThreads(null, 0));
    }

    [Fact]
    public void A_pack_with_a_thread_count_below_one_is_refused()
    {
        using var copy = TestPacks.CopyFixture(m => m["session"]!["intra_op_threads"] = 0);
        var error = Assert.Throws<PackValidationException>(() => ModelPack.Load(copy.Directory));
        Assert.Contains("field 'session.intra_op_threads': must be positive", error.Message);
    }

    [Fact]
    public async Task One_thread_and_every_core_give_the_same_pixels()
    {
        // 256×256: enough tokens for ONNX Runtime to split the work. One thread through the pack's own limit, every core
        // through the host's.
        using var oneThread = TestPacks.CopyFixture(m =>
        {
            m["session"]!["intra_op_threads"] = 1;
            m["defaults"]!["generate_size"] = new JsonArray(256, 256);
        });
        using var everyCore = TestPacks.CopyFixture(m => m["defaults"]!["generate_size"] = new JsonArray(256, 256));
        var request = new GenerationRequest
        {
            Mode = GenerationMode.Generate,
            Prompt = "a red circle",
            Seed = 3,
            Steps = 4,
            Previews = false,
        };
        using var single = PackSessions.Open(ModelPack.Load(oneThread.Directory));
        using var all = PackSessions.Open(ModelPack.Load(everyCore.Directory), maxIntraOpThreads: PhysicalCores.Available());

        var onOne = await new KontextPipeline(single).Result(request);
        var onAll = await new KontextPipeline(all).Result(request);

        Assert.Equal(onOne.Image.Rgb, onAll.Image.Rgb);
    }
}
