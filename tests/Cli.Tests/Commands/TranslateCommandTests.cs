using DreamOmni2.TestSupport;

namespace DreamOmni2.Cli.Tests.Commands;

public class TranslateCommandTests
{
    [Fact]
    public async Task A_natural_pack_gets_its_image_references_canonicalized()
    {
        using var temp = new TempFolder();
        var run = await CliRun.Invoke(
            "translate", "--pack", PackLocator.RepositoryPack("fixture"), "--mode", "edit",
            "--image", temp.Image("a.png", 32, 32, 1), "--image", temp.Image("b.png", 32, 32, 2),
            "--instruction", "put the hat from the second photo on the dog in the first photo");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("put the hat from image 2 on the dog in image 1" + Environment.NewLine, run.Output);
        Assert.StartsWith("translator: built-in (", run.Error);
        Assert.Contains("warning: the built-in translator only rewrites image references", run.Error);
    }

    [Fact]
    public async Task A_shape_world_pack_gets_the_standard_sentence()
    {
        using var temp = new TempFolder();
        var run = await CliRun.Invoke(
            "translate", "--pack", ShapeWorldCopyOfFixture(temp), "--mode", "generate",
            "--instruction", "draw a tiny violet star with stripes on a grey backdrop, just the outline");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("a small purple striped outlined star on a gray background" + Environment.NewLine, run.Output);
    }

    [Fact]
    public async Task What_cannot_be_translated_is_printed_as_written_with_the_reason()
    {
        using var temp = new TempFolder();
        var run = await CliRun.Invoke(
            "translate", "--pack", ShapeWorldCopyOfFixture(temp), "--image", temp.Image("a.png", 32, 32, 1),
            "--instruction", "give the square the pattern of image 3");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("give the square the pattern of image 3" + Environment.NewLine, run.Output);
        Assert.Contains("problem: there is no image 3: the request has 1 image", run.Error);
        Assert.Contains("note: the instruction could not be translated and is used as written", run.Error);
    }

    [Fact]
    public async Task A_shape_world_pack_says_what_it_saw_in_each_picture()
    {
        using var temp = new TempFolder();
        var star = temp.File("star.png");
        var circle = temp.File("circle.png");
        File.WriteAllBytes(star, ShapeWorldPictures.Png(ShapeWorldPictures.Star));
        File.WriteAllBytes(circle, ShapeWorldPictures.Png(ShapeWorldPictures.Circle));

        var run = await CliRun.Invoke(
            "translate", "--pack", PackLocator.RepositoryPack("tiny"), "--image", star, "--image", circle, "--instruction", "recolour image #1 using img 2");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("make the star in image 1 have the color of image 2" + Environment.NewLine, run.Output);
        Assert.Contains("seen: image 1: small red striped star on sand", run.Error);
        Assert.Contains("seen: image 2: large blue circle on mint lit from the top", run.Error);
        Assert.DoesNotContain("problem:", run.Error);
    }

    [Fact]
    public async Task An_unreachable_vlm_falls_back_and_says_so()
    {
        var run = await CliRun.Invoke(
            "translate", "--pack", PackLocator.RepositoryPack("fixture"), "--mode", "generate", "--instruction", "a cat",
            "--vlm-endpoint", $"http://127.0.0.1:{ClosedPort.Next()}/v1", "--vlm-model", "qwen2.5-vl", "--vlm-retries", "0");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("a cat" + Environment.NewLine, run.Output);
        Assert.StartsWith("translator: vlm:qwen2.5-vl (", run.Error);
        Assert.Contains("could not be reached", run.Error);
    }

    [Fact]
    public async Task A_vlm_model_without_an_endpoint_is_bad_input()
    {
        var run = await CliRun.Invoke("translate", "--instruction", "a cat", "--vlm-model", "qwen2.5-vl");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("give both --vlm-endpoint and --vlm-model, or neither", run.Error);
    }

    [Fact]
    public async Task A_file_that_is_no_image_is_bad_input()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("notes.png"), "not an image");
        var run = await CliRun.Invoke(
            "translate", "--pack", PackLocator.RepositoryPack("fixture"), "--image", temp.File("notes.png"), "--instruction", "x");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("error: the image is not a PNG, JPEG or WebP file", run.Error);
    }

    /// <summary>A copy of the fixture pack whose manifest declares the shape-world prompt style.</summary>
    private static string ShapeWorldCopyOfFixture(TempFolder temp)
    {
        var fixture = PackLocator.RepositoryPack("fixture");
        var copy = Directory.CreateDirectory(temp.File("shape-world-pack")).FullName;
        foreach (var file in Directory.GetFiles(fixture))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        var manifest = Path.Combine(copy, "pack.json");
        var json = File.ReadAllText(manifest);
        Assert.Contains("\"style\": \"natural\"", json);
        File.WriteAllText(manifest, json.Replace("\"style\": \"natural\"", "\"style\": \"shape-world\""));
        return copy;
    }
}
