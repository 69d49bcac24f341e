using DreamOmni2.Engine.Scheduling;

namespace DreamOmni2.Engine.Tests.Scheduling;

public class ScheduleConstantsTests
{
    [Fact]
    public void Flux_matches_its_scheduler_config()
    {
        var flux = ScheduleConstants.Flux;

        Assert.Equal((256, 4096, 0.5, 1.15, true, 3.0),
            (flux.BaseImageSeqLen, flux.MaxImageSeqLen, flux.BaseShift, flux.MaxShift, flux.UseDynamicShifting, flux.Shift));
    }
}
