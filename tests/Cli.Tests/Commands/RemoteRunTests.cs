using DreamOmni2.Engine.Imaging;
using DreamOmni2.TestSupport;

namespace DreamOmni2.Cli.Tests.Commands;

/// <summary><c>dreamomni2 run --server</c> against the real server on Kestrel.</summary>
public sealed class RemoteRunTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_run_on_a_server_gives_the_pixels_of_a_local_run_with_the_same_seed()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?> { ["Playground:PackPath"] = "packs/tiny" });
        string[] request =
        [
            "--image", _temp.Image("a.png", 200, 200, 1), "--image", _temp.Image("b.png", 120, 180, 2),
            "--instruction", "make the circle in image 1 have the color of image 2", "--seed", "5", "--steps", "2",
        ];

        var local = await CliRun.Invoke(["run", .. request, "--out", _temp.File("local.png")]);
        var remote = await CliRun.Invoke(["run", .. request, "--server", host.BaseAddress.ToString(), "--out", _temp.File("remote.png"), "--previews", _temp.File("previews")]);

        Assert.True(local.ExitCode == ExitCodes.Success, local.Error);
        Assert.True(remote.ExitCode == ExitCodes.Success, remote.Error);
        Assert.Matches(@"job: http://127\.0\.0\.1:\d+/jobs/[0-9a-f]+", remote.Error);
        Assert.Contains("step 2/2", remote.Error);
        Assert.Equal(Pixels(_temp.File("local.png")), Pixels(_temp.File("remote.png")));
    }

    [Fact]
    public async Task A_refused_request_and_an_unreachable_server_are_bad_input_with_the_reason()
    {
        using var host = PlaygroundHost.Start(_data.Path);

        var refused = await CliRun.Invoke("run", "--instruction", "make it red", "--server", host.BaseAddress.ToString(), "--out", _temp.File("x.png"));
        var unreachable = await CliRun.Invoke("run", "--prompt", "a red circle", "--mode", "generate", "--server", $"http://127.0.0.1:{ClosedPort.Next()}", "--out", _temp.File("y.png"));
        var halfScheme = await CliRun.Invoke("run", "--prompt", "a red circle", "--mode", "generate", "--index", "off", "--server", host.BaseAddress.ToString(), "--out", _temp.File("z.png"));

        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("error: an edit needs the image to edit", refused.Error);
        Assert.Equal(ExitCodes.BadInput, unreachable.ExitCode);
        Assert.Contains("cannot be reached", unreachable.Error);
        Assert.Equal(ExitCodes.BadInput, halfScheme.ExitCode);
        Assert.Contains("give both --index and --shift", halfScheme.Error);
    }

    [Fact]
    public async Task A_job_the_servers_translator_cannot_read_is_bad_input_with_the_reason_and_runs_as_written()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?> { ["Playground:PackPath"] = "packs/tiny" });
        string[] request = ["run", "--mode", "generate", "--instruction", "a dog on a beach", "--steps", "1", "--server", host.BaseAddress.ToString()];

        var refused = await CliRun.Invoke([.. request, "--out", _temp.File("refused.png")]);
        var ran = await CliRun.Invoke([.. request, "--as-written", "--out", _temp.File("ran.png")]);

        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("problem: could not understand \"dog\"", refused.Error);
        Assert.Contains("error: the job failed: the built-in translator could not translate the instruction", refused.Error);
        Assert.EndsWith("add --as-written to run it anyway" + Environment.NewLine, refused.Error);
        Assert.True(ran.ExitCode == ExitCodes.Success, ran.Error);
        Assert.True(File.Exists(_temp.File("ran.png")));
    }

    private static byte[] Pixels(string png) => ImageDecoder.Decode(File.ReadAllBytes(png), ImageLimits.Default, 1).Rgb;

    public void Dispose()
    {
        _temp.Dispose();
        _data.Dispose();
    }
}
