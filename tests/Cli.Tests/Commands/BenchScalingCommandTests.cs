namespace DreamOmni2.Cli.Tests.Commands;

public class BenchScalingCommandTests
{
    [Fact]
    public async Task Every_token_count_gets_a_row_and_the_fit_is_printed()
    {
        var run = await CliRun.Invoke("bench", "scaling", "--steps", "1", "--threads", "2", "1");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        foreach (string tokens in new[] { "128 (64+64)", "320 (64+256)", "1280 (256+1024)", "3072 (1024+2048)" })
        {
            Assert.Contains(tokens, run.Output);
        }
        Assert.Matches(@"(?m)^2 threads: ONNX ms/step ≈ -?[0-9.]+ \+ -?[0-9.]+·N \+ -?[0-9.e+-]+·N²", run.Output);
        Assert.Matches(@"(?m)^1 threads: ONNX ms/step ≈ ", run.Output);
    }
}
