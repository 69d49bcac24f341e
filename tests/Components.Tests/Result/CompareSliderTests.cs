using DreamOmni2.Components.Result;
using DreamOmni2.Components.Tests.Support;

namespace DreamOmni2.Components.Tests.Result;

public sealed class CompareSliderTests : MudContext
{
    [Fact]
    public void Starts_half_way_and_moving_the_slider_reveals_more_of_the_before_image()
    {
        int? reported = null;
        var slider = Render<CompareSlider>(p => p
            .Add(s => s.BeforeUrl, "/files/before")
            .Add(s => s.AfterUrl, "/jobs/1/result.png")
            .Add(s => s.PositionChanged, v => reported = v));
        Assert.Contains("inset(0 50% 0 0)", slider.Find("[data-testid=compare-before]").GetAttribute("style"));

        slider.Find("[data-testid=compare-range]").Input("80");

        Assert.Equal(80, reported);
        Assert.Contains("inset(0 20% 0 0)", slider.Find("[data-testid=compare-before]").GetAttribute("style"));
        Assert.Equal("/files/before", slider.Find("[data-testid=compare-before] img").GetAttribute("src"));
        Assert.Equal("/jobs/1/result.png", slider.Find("[data-testid=compare-after]").GetAttribute("src"));
    }
}
