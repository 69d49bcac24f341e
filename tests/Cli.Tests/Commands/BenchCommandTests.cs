namespace DreamOmni2.Cli.Tests.Commands;

public class BenchCommandTests
{
    [Fact]
    public async Task The_bench_prints_a_row_per_pack()
    {
        var fixture = PackLocator.RepositoryPack("fixture");
        var run = await CliRun.Invoke("bench", "--steps", "1", "--real", fixture);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.StartsWith("pack ", lines[0]);
        Assert.StartsWith("fixture ", lines[1]);
        Assert.StartsWith("fixture ", lines[2]);
    }
}
