using DreamOmni2.TestSupport;
namespace DreamOmni2.Cli.Tests.Commands;

public class PackCommandTests
{
    [Fact]
    public async Task The_fixture_pack_validates()
    {
        var run = await CliRun.Invoke("pack", "validate", PackLocator.RepositoryPack("fixture"));
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("pack 'fixture' is valid: modes edit, generate; 2 text encoders", run.Output);
    }

    [Fact]
    public async Task The_tiny_pack_validates_with_its_exact_previews_and_its_examples()
    {
        var run = await CliRun.Invoke("pack", "validate", PackLocator.RepositoryPack("tiny"));
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("; previews through the pack's VAE; 9 examples; hash ", run.Output);
    }

    [Fact]
    public async Task A_pack_with_lora_adapters_names_the_modes_they_serve()
    {
        var run = await CliRun.Invoke("pack", "validate", PackLocator.RepositoryPack("fixture-lora"));
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("pack 'fixture-lora' is valid: modes edit, generate; LoRA adapters for edit, generate; 2 text encoders", run.Output);
    }

    [Fact]
    public async Task A_broken_pack_lists_its_problems_and_is_bad_input()
    {
        using var temp = new TempFolder();
        foreach (var file in Directory.GetFiles(PackLocator.RepositoryPack("fixture")))
        {
            File.Copy(file, temp.File(Path.GetFileName(file)));
        }
        File.Delete(temp.File("clip.onnx"));
        File.Delete(temp.File("vae_decoder.onnx"));

        var run = await CliRun.Invoke("pack", "validate", temp.Path);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("clip.onnx does not exist", run.Error);
        Assert.Contains("vae_decoder.onnx does not exist", run.Error);
    }
}
