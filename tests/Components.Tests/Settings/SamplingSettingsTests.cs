using DreamOmni2.Components.Settings;
using DreamOmni2.Components.Tests.Support;

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
}
