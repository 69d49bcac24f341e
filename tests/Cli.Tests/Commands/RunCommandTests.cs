using DreamOmni2.TestSupport;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Output;

namespace DreamOmni2.Cli.Tests.Commands;

public class RunCommandTests
{
    [Fact]
    public async Task An_edit_on_the_default_pack_writes_a_png_with_its_parameters_and_previews()
    {
        using var temp = new TempFolder();
        var run = await CliRun.Invoke(
            "run", "--image", temp.Image("a.png", 200, 200, 1), "--image", temp.Image("b.png", 120, 180, 2),
            "--instruction", "make the circle in image 1 have the color of image 2", "--seed", "5", "--steps", "2",
            "--index", "off", "--out", temp.File("out.png"), "--previews", temp.File("previews"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("translator: built-in", run.Error);
        Assert.Contains("step 2/2", run.Error);
        var parameters = GenerationParameters.FromJson(PngParameters.Read(File.ReadAllBytes(temp.File("out.png")))!)!;
        Assert.Equal(5UL, parameters.Seed);
        Assert.Equal("tiny", parameters.Pack.Name);
        Assert.Equal(new SchemeParameters(false, true), parameters.Scheme);
        Assert.Equal("built-in", parameters.Translator);
        Assert.Equal("make the circle in image 1 have the color of image 2", parameters.Instruction);
        Assert.Equal(["step-01.png", "step-02.png"], Directory.GetFiles(temp.File("previews")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task An_instruction_the_translator_cannot_read_runs_only_as_written()
    {
        using var temp = new TempFolder();
        string[] request = ["run", "--mode", "generate", "--instruction", "a dog on a beach", "--steps", "1"];

        var refused = await CliRun.Invoke([.. request, "--out", temp.File("refused.png")]);
        var ran = await CliRun.Invoke([.. request, "--as-written", "--out", temp.File("ran.png")]);

        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("error: the built-in translator could not translate the instruction: could not understand \"dog\"", refused.Error);
        Assert.EndsWith("add --as-written to run it anyway" + Environment.NewLine, refused.Error);
        Assert.False(File.Exists(temp.File("refused.png")));
        Assert.True(ran.ExitCode == ExitCodes.Success, ran.Error);
        Assert.True(File.Exists(temp.File("ran.png")));
    }

    [Fact]
    public async Task Steps_beyond_the_bound_every_front_end_shares_are_refused_before_anything_runs()
    {
        using var temp = new TempFolder();
        var run = await CliRun.Invoke("run", "--mode", "generate", "--prompt", "a red circle", "--steps", "100000", "--out", temp.File("out.png"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.EndsWith("error: steps must be between 1 and 1000; 100000 was given" + Environment.NewLine, run.Error);
        Assert.False(File.Exists(temp.File("out.png")));
    }

    [Theory]
    [InlineData("run", "--prompt", "a", "--prompt", "b", "--out", "x.png")]
    [InlineData("eval", "--cases", "1", "--cases", "2")]
    public async Task An_option_given_twice_is_bad_input_not_a_crash(params string[] args)
    {
        var run = await CliRun.Invoke(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("expects a single argument but 2 were provided", run.Error);
    }

    [Fact]
    public async Task An_empty_image_file_is_bad_input_with_a_one_line_message()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp.File("empty.png"), []);
        var run = await CliRun.Invoke("run", "--image", temp.File("empty.png"), "--prompt", "x", "--out", temp.File("out.png"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var error = Assert.Single(run.Error.Split(Environment.NewLine), line => line.StartsWith("error: "));
        Assert.Equal("error: image 1 is empty (0 bytes) — choose the file again", error);
        Assert.EndsWith(error + Environment.NewLine, run.Error);
    }

    [Fact]
    public async Task A_missing_image_file_is_bad_input()
    {
        using var temp = new TempFolder();
        var run = await CliRun.Invoke("run", "--image", temp.File("nowhere.png"), "--prompt", "x", "--out", temp.File("out.png"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("does not exist", run.Error);
    }

    [Theory]
    [InlineData("--prompt", "x", "--instruction", "y")]
    [InlineData("--seed", "5")]
    [InlineData("--prompt", "x", "--index", "maybe")]
    public async Task Argument_errors_are_bad_input(params string[] args)
    {
        using var temp = new TempFolder();
        var run = await CliRun.Invoke(["run", "--out", temp.File("out.png"), .. args]);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
    }

    [Fact]
    public async Task A_folder_that_is_not_a_pack_is_bad_input()
    {
        using var temp = new TempFolder();
        var run = await CliRun.Invoke("run", "--pack", temp.Path, "--mode", "generate", "--prompt", "x", "--out", temp.File("out.png"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("no pack.json", run.Error);
    }
}
