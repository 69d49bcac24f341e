using DreamOmni2.Components.Progress;
using DreamOmni2.Components.Tests.Support;

namespace DreamOmni2.Components.Tests.Progress;

public sealed class JobProgressTests : MudContext
{
    [Fact]
    public void Shows_the_step_and_the_time_left()
    {
        var progress = Render<JobProgress>(p => p
            .Add(j => j.Status, "Denoising").Add(j => j.Active, true)
            .Add(j => j.Step, 3).Add(j => j.Steps, 12).Add(j => j.SecondsLeft, 4.2));

        Assert.Equal("step 3/12 · 5 s left", progress.Find("[data-testid=job-step]").TextContent);
    }

    [Fact]
    public void A_job_that_stopped_says_no_time_left()
    {
        var progress = Render<JobProgress>(p => p
            .Add(j => j.Status, "Cancelled").Add(j => j.Active, false)
            .Add(j => j.Step, 3).Add(j => j.Steps, 30).Add(j => j.SecondsLeft, 29.0));

        Assert.Equal("step 3/30", progress.Find("[data-testid=job-step]").TextContent);
    }
}
