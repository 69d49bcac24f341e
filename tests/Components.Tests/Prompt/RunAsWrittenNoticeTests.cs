using DreamOmni2.Components.Prompt;
using DreamOmni2.Components.Tests.Support;

namespace DreamOmni2.Components.Tests.Prompt;

public sealed class RunAsWrittenNoticeTests : MudContext
{
    [Fact]
    public void Shows_why_the_request_did_not_run_and_runs_it_as_written_on_request()
    {
        var asked = 0;
        var notice = Render<RunAsWrittenNotice>(p => p
            .Add(c => c.Reason, "the built-in translator could not translate the instruction: could not understand \"dog\". Change the instruction, or run it as written.")
            .Add(c => c.OnRunAsWritten, () => asked++));

        Assert.Contains("could not understand \"dog\"", notice.Find("[data-testid=run-as-written-reason]").TextContent);
        notice.Find("button[data-testid=run-as-written]").Click();

        Assert.Equal(1, asked);
    }
}
