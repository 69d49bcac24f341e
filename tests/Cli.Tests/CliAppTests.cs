namespace DreamOmni2.Cli.Tests;

public class CliAppTests
{
    [Fact]
    public async Task An_unknown_option_is_bad_input()
    {
        var run = await CliRun.Invoke("run", "--colour", "red");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
    }

    [Fact]
    public void An_internal_failure_exits_with_1_and_its_stack_trace()
    {
        var error = new StringWriter();
        Assert.Equal(ExitCodes.InternalError, CliApp.Report(new InvalidOperationException("broken"), error));
        Assert.StartsWith("internal error: System.InvalidOperationException: broken", error.ToString());
    }

    [Fact]
    public void A_pack_with_several_problems_is_reported_on_one_line()
    {
        var error = new StringWriter();
        int code = CliApp.Report(new Engine.Packs.PackValidationException($"first{Environment.NewLine}second{Environment.NewLine}third"), error);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("error: first (and 2 more problems: see `dreamomni2 pack validate`)" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void Cancellation_exits_with_130() =>
        Assert.Equal(ExitCodes.Cancelled, CliApp.Report(new OperationCanceledException(), new StringWriter()));
}
