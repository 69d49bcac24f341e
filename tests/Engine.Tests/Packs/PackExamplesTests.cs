using System.Text.Json.Nodes;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Tests.Imaging;
using DreamOmni2.Engine.Tests.Support;
using SkiaSharp;

namespace DreamOmni2.Engine.Tests.Packs;

public class PackExamplesTests
{
    [Fact]
    public void The_tiny_pack_ships_an_example_for_each_task_and_an_ablation()
    {
        var examples = ModelPack.Load(TestPacks.Tiny).Examples;

        Assert.Equal(9, examples.Count);
        Assert.Contains(examples, e => e is { Mode: GenerationMode.Generate, Images.Count: 0 });
        Assert.Contains(examples, e => e is { Mode: GenerationMode.Edit, Images.Count: 1 });
        Assert.Single(examples, e => e.Ablation);
        Assert.All(examples.SelectMany(e => e.Images), image => Assert.StartsWith("examples/", image));
    }

    [Fact]
    public void A_pack_without_examples_has_none()
    {
        Assert.Empty(ModelPack.Load(TestPacks.Fixture).Examples);
    }

    [Fact]
    public void A_good_examples_file_loads()
    {
        using var pack = WithExamples(Example("edit", "make image 1 red", "examples/a.png"));
        var example = Assert.Single(ModelPack.Load(pack.Directory).Examples);
        Assert.Equal(("Red", GenerationMode.Edit, "make image 1 red", false), (example.Title, example.Mode, example.Instruction, example.Ablation));
        Assert.Equal(["examples/a.png"], example.Images);
    }

    [Theory]
    [InlineData("../fixture/a.png", "field 'examples[0].images[0]': '../fixture/a.png' must be a path down from the pack folder, without '..'")]
    [InlineData("examples/../examples/a.png", "must be a path down from the pack folder, without '..'")]
    [InlineData("/etc/passwd", "'/etc/passwd' must be a path down from the pack folder")]
    [InlineData("examples/missing.png", "examples/missing.png does not exist")]
    [InlineData("vocab.txt", "field 'examples[0].images[0]'")]
    public void Each_image_must_be_a_plain_pack_path_to_an_image(string image, string problem)
    {
        using var pack = WithExamples(Example("edit", "make image 1 red", image));
        var error = Assert.Throws<PackValidationException>(() => ModelPack.Load(pack.Directory));
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Instruction_mode_and_image_count_are_checked()
    {
        using var pack = WithExamples(
            Example("edit", " "),
            Example("edit", "make image 1 red", Enumerable.Repeat("examples/a.png", 6).ToArray()));
        var error = Assert.Throws<PackValidationException>(() => ModelPack.Load(pack.Directory));
        Assert.Contains("field 'examples[0].instruction': needs an instruction", error.Message);
        Assert.Contains("field 'examples[0].images': an edit needs image 1", error.Message);
        Assert.Contains("field 'examples[1].images': 6 images; the pack takes at most 5", error.Message);
    }

    [Fact]
    public void An_unknown_mode_lists_the_modes()
    {
        using var pack = WithExamples(Example("paint", "make image 1 red", "examples/a.png"));
        var error = Assert.Throws<PackValidationException>(() => ModelPack.Load(pack.Directory));
        Assert.Contains("field 'examples[0].mode'", error.Message);
        Assert.Contains("'paint' is not one of 'edit', 'generate'", error.Message);
    }

    [Fact]
    public void The_examples_file_itself_must_be_inside_the_pack_and_present()
    {
        using var outside = TestPacks.CopyFixture(m => m["examples"] = "../examples.json");
        Assert.Contains("field 'examples': '../examples.json' must be a path down from the pack folder",
            Assert.Throws<PackValidationException>(() => ModelPack.Load(outside.Directory)).Message);

        using var missing = TestPacks.CopyFixture(m => m["examples"] = "examples/examples.json");
        Assert.Contains("examples.json does not exist", Assert.Throws<PackValidationException>(() => ModelPack.Load(missing.Directory)).Message);
    }

    private static JsonObject Example(string mode, string instruction, params string[] images) => new()
    {
        ["title"] = "Red",
        ["mode"] = mode,
        ["instruction"] = instruction,
        ["images"] = new JsonArray(images.Select(i => (JsonNode)i).ToArray()),
    };

    /// <summary>A copy of the fixture pack shipping the given examples and one image, examples/a.png.</summary>
    private static TempPack WithExamples(params JsonObject[] examples)
    {
        var pack = TestPacks.CopyFixture(m => m["examples"] = "examples/examples.json");
        Directory.CreateDirectory(pack.PathOf("examples"));
        File.WriteAllBytes(pack.PathOf("examples/a.png"), TestImages.Encode(8, 8, TestImages.Noise, SKEncodedImageFormat.Png));
        File.WriteAllText(pack.PathOf("examples/examples.json"), new JsonObject { ["examples"] = new JsonArray(examples) }.ToJsonString());
        return pack;
    }
}
