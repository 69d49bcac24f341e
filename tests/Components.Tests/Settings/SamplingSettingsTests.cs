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

    [Fact]
    public void Emptied_steps_and_guidance_mean_the_pack_defaults_and_are_not_called_out_of_bounds()
    {
        int? steps = 6;
        float? guidance = 3.5f;
        var settings = Render<SamplingSettings>(p => p
            .Add(s => s.Steps, steps).Add(s => s.StepsChanged, v => steps = v).Add(s => s.DefaultSteps, 30)
            .Add(s => s.Guidance, guidance).Add(s => s.GuidanceChanged, v => guidance = v).Add(s => s.DefaultGuidance, 3.5f));

        settings.Find("input[data-testid=steps]").Input("");
        settings.Find("input[data-testid=guidance]").Input("");
        settings.Render(p => p.Add(s => s.Steps, steps).Add(s => s.Guidance, guidance));

        Assert.Equal(((int?)null, (float?)null), (steps, guidance));
        Assert.DoesNotContain("must be between", settings.Markup);
        Assert.Equal("30", settings.Find("input[data-testid=steps]").GetAttribute("placeholder"));
        Assert.Contains("pack default 30", settings.Markup);
    }

    [Fact]
    public void A_negative_seed_is_kept_as_typed_and_said_to_be_out_of_bounds()
    {
        var seed = new SeedBinding(this, 5);

        seed.Type("-1");
        seed.Settings.Find("input[data-testid=seed]").Blur();
        seed.Settings.Render(p => p.Add(s => s.Seed, seed.Value));

        Assert.Equal(-1L, seed.Value);
        Assert.Contains(RequestLimits.SeedProblem(-1)!, seed.Settings.Markup);
    }

    [Fact]
    public void Emptying_the_seed_field_to_type_another_keeps_the_field_and_the_seed()
    {
        var seed = new SeedBinding(this, 5);

        seed.Type("");
        Assert.Equal(5L, seed.Value);
        seed.Type("42");

        Assert.Equal(42L, seed.Value);
    }

    /// <summary>The settings with a seed bound as the page binds it: each change goes back in as the next render's seed.</summary>
    private sealed class SeedBinding
    {
        public SeedBinding(BunitContext context, long? seed)
        {
            Value = seed;
            Settings = context.Render<SamplingSettings>(p => p
                .Add(s => s.Seed, seed).Add(s => s.SeedChanged, v => Value = v).Add(s => s.Steps, 6).Add(s => s.Guidance, 3.5f));
        }

        public long? Value { get; private set; }

        public IRenderedComponent<SamplingSettings> Settings { get; }

        public void Type(string text)
        {
            Settings.Find("input[data-testid=seed]").Input(text);
            Settings.Render(p => p.Add(s => s.Seed, Value));
        }
    }
}
