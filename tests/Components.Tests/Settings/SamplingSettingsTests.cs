using DreamOmni2.Components.Settings;
using DreamOmni2.Components.Tests.Support;
using DreamOmni2.Contracts;

namespace DreamOmni2.Components.Tests.Settings;

public sealed class SamplingSettingsTests : MudContext
{
    [Fact]
    public void The_last_seed_can_be_reused_and_a_random_seed_has_no_field()
    {
        long? seed = null;
        var settings = Render<SamplingSettings>(p => p
            .Add(s => s.Seed, null).Add(s => s.LastSeed, 1234L).Add(s => s.SeedChanged, v => seed = v)
            .Add(s => s.Steps, 6).Add(s => s.Guidance, 3.5f));
        Assert.Empty(settings.FindAll("[data-testid=seed]"));

        settings.Find("[data-testid=reuse-seed]").Click();

        Assert.Equal(1234L, seed);
    }

    [Fact]
    public void Steps_0_and_guidance_minus_5_are_kept_as_typed_and_said_to_be_out_of_bounds_after_leaving_the_field()
    {
        int? steps = null;
        float? guidance = null;
        var settings = Render<SamplingSettings>(p => p
            .Add(s => s.Steps, 6).Add(s => s.StepsChanged, v => steps = v)
            .Add(s => s.Guidance, 3.5f).Add(s => s.GuidanceChanged, v => guidance = v));

        settings.Find("input[data-testid=steps]").Input("0");
        settings.Render(p => p.Add(s => s.Steps, steps!.Value));
        settings.Find("input[data-testid=steps]").Blur();
        settings.Find("input[data-testid=guidance]").Input("-5");
        settings.Render(p => p.Add(s => s.Guidance, guidance!.Value));
        settings.Find("input[data-testid=guidance]").Blur();
        settings.Render(p => p.Add(s => s.Steps, steps!.Value).Add(s => s.Guidance, guidance!.Value));

        Assert.Equal((0, -5f), (steps, guidance));
        Assert.Contains(RequestLimits.StepsProblem(0)!, settings.Markup);
        Assert.Contains(RequestLimits.GuidanceProblem(-5)!, settings.Markup);
        Assert.Contains("steps must be between 1 and 1000; 0 was given", settings.Markup);
    }
}
