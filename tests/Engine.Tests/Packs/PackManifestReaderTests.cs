using System.Text;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Tests.Support;

namespace DreamOmni2.Engine.Tests.Packs;

public class PackManifestReaderTests
{
    private static string FixtureJson => File.ReadAllText(Path.Combine(TestPacks.Fixture, "pack.json"));

    private static PackValidationException ParseError(string json) =>
        Assert.Throws<PackValidationException>(() => PackManifestReader.Parse(Encoding.UTF8.GetBytes(json), "packs/x/pack.json"));

    [Fact]
    public void The_fixture_manifest_parses()
    {
        var manifest = PackManifestReader.Read(Path.Combine(TestPacks.Fixture, "pack.json"));
        Assert.Equal("fixture", manifest.Name);
        Assert.Equal(16, manifest.Latent.Channels);
        Assert.Equal(TextEmbeddingRole.PooledProjections, manifest.TextEncoders[0].Outputs["pooled_embeddings"]);
        Assert.Equal(GraphOptimization.All, manifest.Session.GraphOptimization);
        Assert.Equal(PromptStyle.Natural, manifest.Prompt.Style);
    }

    [Fact]
    public void Broken_json_is_reported_with_its_line()
    {
        var lines = FixtureJson.Split('\n');
        lines[2] = lines[2].Replace("\"name\":", "\"name\"");
        var error = ParseError(string.Join('\n', lines));
        Assert.StartsWith("packs/x/pack.json: line 3", error.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_its_field()
    {
        var error = ParseError(FixtureJson.Replace("\"steps\": 6", "\"steps\": \"six\""));
        Assert.Contains("field 'defaults.steps'", error.Message);
        Assert.DoesNotContain("Path: $", error.Message);
    }

    [Fact]
    public void An_unknown_field_is_refused()
    {
        var error = ParseError(FixtureJson.Replace("\"applies_scaling\"", "\"applies_scailing\""));
        Assert.Contains("applies_scailing", error.Message);
    }

    [Fact]
    public void A_missing_field_is_refused()
    {
        var error = ParseError(FixtureJson.Replace("\"output\": \"latent\"\n  },", "\"outputs\": \"latent\"\n  },"));
        Assert.Contains("output", error.Message);
    }

    [Fact]
    public void An_unknown_enum_value_names_its_field()
    {
        var error = ParseError(FixtureJson.Replace("\"graph_optimization\": \"all\"", "\"graph_optimization\": \"maximum\""));
        Assert.Contains("field 'session.graph_optimization'", error.Message);
        Assert.Contains("'maximum' is not one of 'disabled', 'basic', 'extended', 'all'", error.Message);
    }

    [Fact]
    public void An_unknown_preview_kind_lists_the_kinds()
    {
        var error = ParseError(FixtureJson.Replace("\"preview\": {", "\"preview\": {\n      \"kind\": \"exact\","));
        Assert.Contains("field 'latent.preview.kind'", error.Message);
        Assert.Contains("'exact' is not one of 'linear', 'vae', 'decoder'", error.Message);
    }

    [Fact]
    public void A_manifest_without_a_preview_kind_keeps_the_linear_preview()
    {
        var manifest = PackManifestReader.Read(Path.Combine(TestPacks.Fixture, "pack.json"));
        Assert.Equal(PreviewKind.Linear, manifest.Latent.Preview.Kind);
        Assert.Equal(16, manifest.Latent.Preview.Factors!.Count);
    }
}
