using DreamOmni2.Components.Rendering;
using Microsoft.Extensions.Time.Testing;

namespace DreamOmni2.Components.Tests.Rendering;

public sealed class RenderThrottleTests
{
    [Fact]
    public void A_burst_of_requests_renders_at_once_then_once_more_after_the_interval()
    {
        var clock = new FakeTimeProvider();
        int renders = 0;
        using var throttle = new RenderThrottle(TimeSpan.FromMilliseconds(200), () => { renders++; return Task.CompletedTask; }, clock);

        throttle.Request();
        clock.Advance(TimeSpan.FromMilliseconds(20));
        for (int i = 0; i < 10; i++)
        {
            throttle.Request();
        }
        Assert.Equal(1, renders);

        clock.Advance(TimeSpan.FromMilliseconds(179));
        Assert.Equal(1, renders);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, renders);

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, renders);
    }
}
