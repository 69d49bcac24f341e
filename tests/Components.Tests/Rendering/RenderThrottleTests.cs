using DreamOmni2.Components.Rendering;

namespace DreamOmni2.Components.Tests.Rendering;

public sealed class RenderThrottleTests
{
    [Fact]
    public async Task A_burst_of_requests_renders_at_once_then_once_more_after_the_interval()
    {
        int renders = 0;
        using var throttle = new RenderThrottle(TimeSpan.FromMilliseconds(200), () => { Interlocked.Increment(ref renders); return Task.CompletedTask; }, TimeProvider.System);

        throttle.Request();
        await Task.Delay(20);
        for (int i = 0; i < 10; i++)
        {
            throttle.Request();
        }
        Assert.Equal(1, Volatile.Read(ref renders));

        await Task.Delay(600);
        Assert.Equal(2, Volatile.Read(ref renders));
    }
}
