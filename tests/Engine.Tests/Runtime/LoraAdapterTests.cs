using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Pipeline;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine.Runtime;
using DreamOmni2.Engine.Tests.Imaging;
using DreamOmni2.Engine.Tests.Support;
using SkiaSharp;

namespace DreamOmni2.Engine.Tests.Runtime;

/// <summary>
/// packs/fixture-lora: one transformer whose output projection takes its LoRA weights as graph inputs, an
/// <c>.onnx_adapter</c> per mode, and each mode's LoRA merged into <c>merged_&lt;mode&gt;.onnx</c>.
/// </summary>
public class LoraAdapterTests
{
    private static GenerationRequest Request(GenerationMode mode) => new() { Mode = mode, Prompt = "make the circle red", Seed = 7, Steps = 3 };

    private static IReadOnlyList<ReadOnlyMemory<byte>> Images(GenerationMode mode) =>
        mode == GenerationMode.Edit ? [TestImages.Encode(128, 128, TestImages.Noise, SKEncodedImageFormat.Png)] : [];

    private static async Task<byte[]> Rgb(string packDirectory, GenerationMode mode)
    {
        using var sessions = PackSessions.Open(ModelPack.Load(packDirectory));
        return (await new KontextPipeline(sessions).Result(Request(mode), Images(mode))).Image.Rgb;
    }

    /// <summary>The same pack with each mode on its merged graph and no adapters.</summary>
    private static TempPack Merged() => TestPacks.Copy(TestPacks.FixtureLora, m =>
    {
        m["transformer"]!["modes"]!["edit"] = "merged_edit.onnx";
        m["transformer"]!["modes"]!["generate"] = "merged_generate.onnx";
        m["transformer"]!["lora_adapters"] = null;
    });

    private static int LargestDifference(byte[] a, byte[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();

    [Theory]
    [InlineData(GenerationMode.Edit)]
    [InlineData(GenerationMode.Generate)]
    public async Task The_modes_adapter_computes_what_its_merged_weights_compute(GenerationMode mode)
    {
        using var merged = Merged();
        var withAdapter = await Rgb(TestPacks.FixtureLora, mode);
        var withMergedWeights = await Rgb(merged.Directory, mode);

        Assert.Equal(withMergedWeights.Length, withAdapter.Length);
        Assert.InRange(LargestDifference(withAdapter, withMergedWeights), 0, 1);
    }

    [Fact]
    public async Task Without_its_adapter_the_graph_runs_on_its_default_weights_and_draws_something_else()
    {
        using var noAdapters = TestPacks.Copy(TestPacks.FixtureLora, m => m["transformer"]!["lora_adapters"] = null);
        var withAdapter = await Rgb(TestPacks.FixtureLora, GenerationMode.Generate);
        var withoutAdapter = await Rgb(noAdapters.Directory, GenerationMode.Generate);

        Assert.True(LargestDifference(withAdapter, withoutAdapter) > 8, "the generate adapter changed no pixel noticeably");
    }

    [Fact]
    public void An_adapter_file_onnx_runtime_cannot_read_is_reported_with_its_field()
    {
        using var copy = TestPacks.Copy(TestPacks.FixtureLora);
        File.WriteAllText(copy.PathOf("edit.onnx_adapter"), "not an adapter");

        var error = Assert.Throws<PackValidationException>(() => PackSessions.Open(ModelPack.Load(copy.Directory)).Dispose());
        Assert.Contains($"{copy.PathOf("edit.onnx_adapter")} (transformer.lora_adapters.edit): ONNX Runtime cannot load it", error.Message);
    }
}
