namespace DreamOmni2.Cli.Tests.Commands;

/// <summary>The GPU check's dry run: on this CPU build CUDA cannot run, and the check must say so, not pass.</summary>
public class DeviceCheckCommandTests
{
    private static readonly string[] s_packs = ["--pack", PackLocator.RepositoryPack("fixture"), "--pack", PackLocator.RepositoryPack("fixture-lora")];

    [Fact]
    public async Task Cuda_on_a_cpu_build_is_reported_as_the_fallback_and_fails_when_required()
    {
        var run = await CliRun.Invoke(["device-check", "--provider", "cuda", "--require-device", "--steps", "1", .. s_packs]);

        Assert.Equal(ExitCodes.DeviceNotUsed, run.ExitCode);
        Assert.Contains("probe graph: CUDAExecutionProvider cannot run here", run.Output);
        Assert.Matches(@"(?m)^fixture\s+CPU\s", run.Output);
        Assert.Contains("result: FALLBACK, CUDAExecutionProvider did not run", run.Output);
    }

    [Fact]
    public async Task The_cpu_against_itself_is_proven_and_gives_identical_pictures()
    {
        var run = await CliRun.Invoke(["device-check", "--provider", "cpu", "--require-device", "--steps", "1", .. s_packs]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("probe graph: its nodes ran on CPUExecutionProvider", run.Output);
        Assert.Matches(@"(?m)^fixture\s+CPU\s+[0-9.]+\s+[0-9.]+\s+identical$", run.Output);
        Assert.Matches(@"(?m)^fixture-lora\s+CPU\s+[0-9.]+\s+[0-9.]+\s+identical$", run.Output);
        Assert.Contains("result: CPUExecutionProvider ran every pack", run.Output);
    }
}
