using System.Globalization;
using DreamOmni2.Engine.Scheduling;

namespace DreamOmni2.Engine.Tests.Scheduling;

/// <summary>The shifted schedule of docs/kontext-pipeline.md §5.</summary>
public class FlowMatchScheduleTests
{
    /// <summary>docs/kontext-pipeline.md §5: N = 30, seq = 4096 (μ = 1.15), as printed there.</summary>
    private static readonly string[] s_referenceSigmas =
    [
        "1.0", "0.9892", "0.97788", "0.96601", "0.95355", "0.94044", "0.92665", "0.9121", "0.89675", "0.88051",
        "0.86332", "0.84508", "0.8257", "0.80507", "0.78305", "0.75951", "0.73428", "0.70718", "0.67799", "0.64645",
        "0.61227", "0.5751", "0.53454", "0.49011", "0.4412", "0.38712", "0.327", "0.25976", "0.18406", "0.09821", "0",
    ];

    [Fact]
    public void Matches_the_reference_test_vector_to_the_printed_precision()
    {
        var sigmas = FlowMatchSchedule.Sigmas(30, 4096, ScheduleConstants.Flux);

        Assert.Equal(31, sigmas.Length);
        for (int k = 0; k < s_referenceSigmas.Length; k++)
        {
            string printed = s_referenceSigmas[k];
            int decimals = printed.Contains('.') ? printed.Length - printed.IndexOf('.') - 1 : 0;
            double expected = double.Parse(printed, CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(sigmas[k] - expected) <= 0.5 * Math.Pow(10, -decimals),
                $"σ[{k}] = {sigmas[k]:R}, reference prints {printed}");
        }
    }

    [Fact]
    public void Matches_numpy_float32_bit_for_bit()
    {
        // numpy 1.24: linspace(1, 1/30, 30).astype(float32), then e^μ / (e^μ + (1/σ − 1)), μ from the same formula.
        var sigmas = FlowMatchSchedule.Sigmas(30, 4096, ScheduleConstants.Flux);

        Assert.Equal([0.9891994f, 0.97788334f, 0.75951093f, 0.18406327f, 0.09820804f],
            [sigmas[1], sigmas[2], sigmas[15], sigmas[28], sigmas[29]]);
    }

    [Fact]
    public void Last_sigma_is_exactly_zero_and_first_is_one()
    {
        var sigmas = FlowMatchSchedule.Sigmas(8, 1024, ScheduleConstants.Flux);

        Assert.Equal(1f, sigmas[0]);
        Assert.Equal(0f, sigmas[^1]);
    }

    [Theory]
    [InlineData(256, 0.5)]
    [InlineData(4096, 1.15)]
    [InlineData(2176, 0.825)]
    public void Mu_runs_linearly_from_base_to_max_shift(int targetTokens, double expected)
    {
        Assert.Equal(expected, FlowMatchSchedule.Mu(targetTokens, ScheduleConstants.Flux), 12);
    }

    [Fact]
    public void Fewer_target_tokens_shift_less()
    {
        var small = FlowMatchSchedule.Sigmas(10, 256, ScheduleConstants.Flux);
        var large = FlowMatchSchedule.Sigmas(10, 4096, ScheduleConstants.Flux);

        for (int k = 1; k < 10; k++)
        {
            Assert.True(small[k] < large[k], $"σ[{k}]: {small[k]} at 256 tokens, {large[k]} at 4096");
        }
    }

    [Fact]
    public void One_step_goes_straight_from_one_to_zero()
    {
        Assert.Equal([1f, 0f], FlowMatchSchedule.Sigmas(1, 4096, ScheduleConstants.Flux));
    }

    [Fact]
    public void Without_dynamic_shifting_the_fixed_shift_applies()
    {
        var constants = ScheduleConstants.Flux with { UseDynamicShifting = false, Shift = 3.0 };

        var sigmas = FlowMatchSchedule.Sigmas(2, 4096, constants);

        // linspace(1, 0.5, 2) = [1, 0.5]; 3·0.5 / (1 + 2·0.5) = 0.75
        Assert.Equal([1f, 0.75f, 0f], sigmas);
    }
}
