using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Tests.Support;

namespace DreamOmni2.Engine.Tests.Packs;

public class PackManifestRulesTests
{
    private static PackManifest Fixture => PackManifestReader.Read(Path.Combine(TestPacks.Fixture, "pack.json"));

    [Fact]
    public void The_fixture_has_no_problems() => Assert.Empty(PackManifestRules.Problems(Fixture));

    [Fact]
    public void Preview_factors_need_one_row_per_channel()
    {
        var m = Fixture;
        var broken = WithPreview(m, m.Latent.Preview with { Factors = m.Latent.Preview.Factors!.Skip(1).ToList() });
        var problem = Assert.Single(PackManifestRules.Problems(broken));
        Assert.Contains("'latent.preview.factors': 15 rows for 16 channels", problem);
    }

    [Fact]
    public void The_tiny_pack_previews_through_its_own_vae()
    {
        var tiny = PackManifestReader.Read(Path.Combine(TestPacks.Tiny, "pack.json"));
        Assert.Equal(PreviewKind.Vae, tiny.Latent.Preview.Kind);
        Assert.Empty(PackManifestRules.Problems(tiny));
    }

    [Fact]
    public void A_linear_preview_needs_its_factors_and_bias()
    {
        var problems = PackManifestRules.Problems(WithPreview(Fixture, new PreviewSection(PreviewKind.Linear))).ToList();
        Assert.Contains(problems, p => p.Contains("'latent.preview.factors': the linear preview needs one (R, G, B) row per channel"));
        Assert.Contains(problems, p => p.Contains("'latent.preview.bias': the linear preview needs an (R, G, B) bias"));
    }

    [Fact]
    public void Factors_beside_another_kind_are_refused_rather_than_ignored()
    {
        var m = Fixture;
        var problems = PackManifestRules.Problems(WithPreview(m, m.Latent.Preview with { Kind = PreviewKind.Vae })).ToList();
        Assert.Contains(problems, p => p.Contains("'latent.preview.factors': only the linear preview reads factors, and kind is 'vae'"));
        Assert.Contains(problems, p => p.Contains("'latent.preview.bias': only the linear preview reads a bias, and kind is 'vae'"));
    }

    [Fact]
    public void A_decoder_preview_needs_its_file_and_only_it_takes_one()
    {
        var needsFile = Assert.Single(PackManifestRules.Problems(WithPreview(Fixture, new PreviewSection(PreviewKind.Decoder))));
        Assert.Contains("'latent.preview.decoder': kind 'decoder' needs the decoder's file", needsFile);

        var unused = Assert.Single(PackManifestRules.Problems(WithPreview(Fixture, new PreviewSection(PreviewKind.Vae, Decoder: "taef1.onnx"))));
        Assert.Contains("'latent.preview.decoder': a decoder file is used only when kind is 'decoder', and kind is 'vae'", unused);
    }

    [Fact]
    public void Each_text_role_must_be_fed_exactly_once()
    {
        var m = Fixture;
        var clip = m.TextEncoders[0] with { Outputs = new Dictionary<string, TextEmbeddingRole> { ["pooled_embeddings"] = TextEmbeddingRole.EncoderHiddenStates } };
        var problems = PackManifestRules.Problems(m with { TextEncoders = [clip, m.TextEncoders[1]] }).ToList();
        Assert.Contains(problems, p => p.Contains("encoder_hidden_states must be fed exactly once; it is fed 2 times"));
        Assert.Contains(problems, p => p.Contains("pooled_projections must be fed exactly once; it is fed 0 times"));
    }

    [Fact]
    public void Buckets_must_be_whole_tokens()
    {
        var m = Fixture;
        var broken = m with { Defaults = m.Defaults with { Buckets = [new(120, 128)] } };
        Assert.Contains("'defaults.buckets[0]': 120×128 is not made of whole 16-px tokens", Assert.Single(PackManifestRules.Problems(broken)));
    }

    [Fact]
    public void Check_prefixes_every_problem_with_the_manifest_path()
    {
        var m = Fixture;
        var error = Assert.Throws<PackValidationException>(() => PackManifestRules.Check(m with { Format = 2 }, "packs/x/pack.json"));
        Assert.Equal("packs/x/pack.json: field 'format': format 2 is not supported; this engine reads format 1", error.Message);
    }

    [Theory]
    [InlineData("flux1-kontext-dev")]
    [InlineData("dreamomni2-kontext-dev")]
    public void The_example_manifests_for_the_real_model_parse_and_pass(string example)
    {
        var manifest = PackManifestReader.Read(Path.Combine(TestPacks.RepoRoot, "packs", "examples", example, "pack.json"));
        PackManifestRules.Check(manifest, example);

        Assert.Equal(77, manifest.TextEncoders[0].MaxLength);
        Assert.Equal(512, manifest.TextEncoders[1].MaxLength);
        Assert.True(manifest.Vae.AppliesScaling);
        Assert.Equal(17, manifest.Defaults.Buckets.Count);
        Assert.Equal(28, manifest.Defaults.Steps);
        var files = PackFiles.Of(manifest).Select(f => f.RelativePath).ToList();
        Assert.Contains("t5.opt/model.onnx", files);
        Assert.Contains("vae.opt/model.onnx", files);
        Assert.Contains("tokenizer_2/spiece.model", files);
    }

    private static PackManifest WithPreview(PackManifest m, PreviewSection preview) => m with { Latent = m.Latent with { Preview = preview } };
}
