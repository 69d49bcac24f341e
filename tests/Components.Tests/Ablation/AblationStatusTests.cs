using DreamOmni2.Components.Ablation;
using DreamOmni2.Contracts;

namespace DreamOmni2.Components.Tests.Ablation;

public sealed class AblationStatusTests
{
    [Theory]
    [InlineData("1 of 4 schemes done", JobState.Completed, JobState.Running, JobState.Queued, JobState.Queued)]
    [InlineData("All 4 schemes done", JobState.Completed, JobState.Completed, JobState.Completed, JobState.Completed)]
    [InlineData("Stopped — 1 of 4 done", JobState.Completed, JobState.Cancelled, JobState.Removed, JobState.Removed)]
    [InlineData("Stopped — 0 of 4 done", JobState.Removed, JobState.Removed, JobState.Removed, JobState.Removed)]
    [InlineData("1 failed — 3 of 4 done", JobState.Completed, JobState.Failed, JobState.Completed, JobState.Completed)]
    [InlineData("Stopped, 1 failed — 0 of 4 done", JobState.Failed, JobState.Cancelled, JobState.Removed, JobState.Removed)]
    public void The_header_counts_what_really_happened(string expected, params JobState[] cells) =>
        Assert.Equal(expected, AblationStatus.Describe(cells));
}
