using System.Text.Json.Nodes;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Tests.Support;

namespace DreamOmni2.Engine.Tests.Packs;

public class ModelPackTests
{
    [Fact]
    public void The_fixture_loads_with_a_stable_hash()
    {
        var pack = ModelPack.Load(TestPacks.Fixture);
        Assert.Equal("fixture", pack.Name);
        Assert.Matches("^[0-9a-f]{64}$", pack.Hash);
        Assert.Equal(pack.Hash, ModelPack.Load(TestPacks.Fixture).Hash);
        Assert.Equal(-0.0346f, pack.PreviewFactors![0, 0]);
    }

    [Fact]
    public void The_hash_follows_the_manifest()
    {
        using var copy = TestPacks.CopyFixture(m => m["description"] = "changed");
        Assert.NotEqual(ModelPack.Load(TestPacks.Fixture).Hash, ModelPack.Load(copy.Directory).Hash);
    }

    [Fact]
    public void The_hash_follows_retrained_weights_of_the_same_size()
    {
        using var copy = TestPacks.CopyFixture();
        var weights = File.ReadAllBytes(copy.PathOf("transformer.onnx"));
        weights[^8] ^= 0xFF;
        File.WriteAllBytes(copy.PathOf("transformer.onnx"), weights);

        Assert.NotEqual(ModelPack.Load(TestPacks.Fixture).Hash, ModelPack.Load(copy.Directory).Hash);
    }

    [Fact]
    public void A_missing_file_is_named_with_its_field()
    {
        using var copy = TestPacks.CopyFixture();
        File.Delete(copy.PathOf("t5.onnx"));
        var error = Assert.Throws<PackValidationException>(() => ModelPack.Load(copy.Directory));
        Assert.Equal($"{copy.PathOf("pack.json")}: field 'text_encoders[1].file': {copy.PathOf("t5.onnx")} does not exist", error.Message);
    }

    [Fact]
    public void A_file_outside_the_pack_is_refused()
    {
        using var copy = TestPacks.CopyFixture(m => m["vae"]!["decoder"]!["file"] = "../vae_decoder.onnx");
        var error = Assert.Throws<PackValidationException>(() => ModelPack.Load(copy.Directory));
        Assert.Contains("field 'vae.decoder.file': '../vae_decoder.onnx' must be a path inside the pack folder", error.Message);
    }

    [Fact]
    public void A_folder_without_a_manifest_says_what_a_pack_is()
    {
        using var empty = new TempPack();
        var error = Assert.Throws<PackValidationException>(() => ModelPack.Load(empty.Directory));
        Assert.Contains("no pack.json", error.Message);
    }

    [Fact]
    public void A_preview_decoder_file_that_is_missing_is_named()
    {
        using var copy = TestPacks.CopyFixture(m => m["latent"]!["preview"] = new JsonObject { ["kind"] = "decoder", ["decoder"] = "taef1.onnx" });
        var error = Assert.Throws<PackValidationException>(() => ModelPack.Load(copy.Directory));
        Assert.Contains("field 'latent.preview.decoder'", error.Message);
        Assert.Contains("taef1.onnx does not exist", error.Message);
    }

    [Fact]
    public void Manifest_rules_run_on_load()
    {
        using var copy = TestPacks.CopyFixture(m => m["latent"]!["preview"]!["bias"] = new JsonArray(0, 0));
        var error = Assert.Throws<PackValidationException>(() => ModelPack.Load(copy.Directory));
        Assert.Contains("field 'latent.preview.bias'", error.Message);
    }
}
