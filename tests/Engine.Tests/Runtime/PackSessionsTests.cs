using System.Text.Json.Nodes;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Runtime;
using DreamOmni2.Engine.Tests.Support;

namespace DreamOmni2.Engine.Tests.Runtime;

public class PackSessionsTests
{
    private static PackValidationException OpenError(TempPack pack) =>
        Assert.Throws<PackValidationException>(() => PackSessions.Open(ModelPack.Load(pack.Directory)).Dispose());

    [Fact]
    public void A_wrong_input_name_is_reported_with_the_names_the_graph_has()
    {
        using var copy = TestPacks.CopyFixture(m => m["text_encoders"]![1]!["input"] = "tokens");
        var error = OpenError(copy);
        Assert.Contains(
            $"{copy.PathOf("t5.onnx")}: input 'tokens' (text_encoders[1].input) not found; the graph's inputs are: input_ids",
            error.Message.Split(Environment.NewLine));
    }

    [Fact]
    public void A_tensor_of_the_wrong_rank_is_reported()
    {
        using var copy = TestPacks.CopyFixture(m =>
        {
            var inputs = m["transformer"]!["inputs"]!;
            inputs["encoder_hidden_states"] = "pooled_projections";
            inputs["pooled_projections"] = "encoder_hidden_states";
        });
        var error = OpenError(copy);
        Assert.Contains("input 'pooled_projections' (transformer.inputs.encoder_hidden_states) has rank 2; expected 3", error.Message);
        Assert.Contains("input 'encoder_hidden_states' (transformer.inputs.pooled_projections) has rank 3; expected 2", error.Message);
    }

    [Fact]
    public void Latent_channels_that_do_not_match_the_graphs_are_reported()
    {
        using var copy = TestPacks.CopyFixture(m =>
        {
            m["latent"]!["channels"] = 8;
            var factors = m["latent"]!["preview"]!["factors"]!.AsArray();
            while (factors.Count > 8)
            {
                factors.RemoveAt(factors.Count - 1);
            }
        });
        var error = OpenError(copy);
        Assert.Contains($"{copy.PathOf("transformer.onnx")}: 'hidden_states' has 64 in dimension 2; expected 32", error.Message);
        Assert.Contains($"{copy.PathOf("vae_decoder.onnx")}: 'latent' has 16 in dimension 1; expected 8", error.Message);
    }

    [Fact]
    public void An_output_the_graph_lacks_is_reported()
    {
        using var copy = TestPacks.CopyFixture(m => m["transformer"]!["output"] = "velocity");
        Assert.Contains("output 'velocity' (transformer.output) not found; the graph's outputs are: latent", OpenError(copy).Message);
    }

    [Fact]
    public void A_graph_input_the_manifest_leaves_unfed_is_reported()
    {
        using var copy = TestPacks.CopyFixture(m => m["transformer"]!["inputs"]!.AsObject().Remove("guidance"));
        Assert.Contains("input 'guidance' is not named in transformer.inputs", OpenError(copy).Message);
    }

    [Fact]
    public void A_file_that_is_not_onnx_is_reported()
    {
        using var copy = TestPacks.CopyFixture();
        File.WriteAllText(copy.PathOf("vae_encoder.onnx"), "not a model");
        Assert.Contains($"{copy.PathOf("vae_encoder.onnx")} (vae.encoder.file): ONNX Runtime cannot load it", OpenError(copy).Message);
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("basic")]
    [InlineData("extended")]
    [InlineData("all")]
    public void The_fixture_opens_at_every_graph_optimization_level(string level)
    {
        using var copy = TestPacks.CopyFixture(m => m["session"]!["graph_optimization"] = level);
        using var sessions = PackSessions.Open(ModelPack.Load(copy.Directory));
        Assert.True(sessions.Supports(GenerationMode.Edit));
        Assert.True(sessions.Supports(GenerationMode.Generate));
        Assert.Same(sessions.Transformer(GenerationMode.Edit).Session, sessions.Transformer(GenerationMode.Generate).Session);
    }

    [Fact]
    public void Cuda_requested_on_the_cpu_build_falls_back_with_one_warning_and_says_what_runs()
    {
        var logger = new RecordingLogger();
        using var sessions = PackSessions.Open(ModelPack.Load(TestPacks.Fixture), ExecutionProviderChoice.Cuda, logger);

        Assert.Equal(ExecutionProviderChoice.Cpu, sessions.Provider);
        var warning = Assert.Single(logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains("running on the CPU instead", warning.Message);
        Assert.Contains(logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Information && e.Message.Contains("CPU execution provider"));
    }
}
