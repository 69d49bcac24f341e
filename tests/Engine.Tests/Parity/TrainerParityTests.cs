using DreamOmni2.Contracts;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Scheduling;

namespace DreamOmni2.Engine.Tests.Parity;

/// <summary>
/// The Python trainer computes position ids and the schedule shift for itself (tools/trainer/position_ids.py,
/// flow_schedule.py); a model trained on other numbers than the engine feeds it would be quietly wrong, so both are
/// held to the same numbers here (docs/kontext-pipeline.md §4, §5).
/// </summary>
public sealed class TrainerParityTests
{
    private static readonly GridSize s_target = new(Height: 2, Width: 3);

    /// <summary>Three references of different sizes, so both the axis0 and the column offsets differ between them.</summary>
    private static readonly GridSize[] s_references = [new(2, 2), new(1, 3), new(3, 1)];

    /// <summary>The tiny pack's 64 target tokens at its 12 steps, real sizes at the official 28 and 30, one step, and past the schedule's end.</summary>
    private static readonly ScheduleCase[] s_schedules = [new(64, 12), new(1024, 28), new(4096, 30), new(256, 1), new(6144, 4)];

    private static readonly Lazy<TrainerNumbers> s_trainer = new(() => TrainerScript.Ask(new TrainerRequest(
        [.. EncodingScheme.All.Select(scheme => new PositionIdsCase(
            Grid(s_target), [.. s_references.Select(Grid)], scheme.Index, scheme.Shift))],
        s_schedules)));

    public static TheoryData<int> Schemes => [.. Enumerable.Range(0, EncodingScheme.All.Count)];

    public static TheoryData<int> Schedules => [.. Enumerable.Range(0, s_schedules.Length)];

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Position_ids_are_the_engines_under_every_scheme(int scheme)
    {
        var engine = PositionIds.Build(EncodingScheme.All[scheme], s_target, s_references);

        var trainer = s_trainer.Value.PositionIds[scheme].SelectMany(triple => triple.Select(id => (float)id));

        Assert.Equal(engine, trainer);
    }

    [Fact]
    public void The_schedule_the_trainer_exports_is_the_engines_flux_schedule()
    {
        var trainer = s_trainer.Value.Schedule;

        var constants = ScheduleConstants.Flux with
        {
            BaseImageSeqLen = trainer.BaseImageSeqLen,
            MaxImageSeqLen = trainer.MaxImageSeqLen,
            BaseShift = trainer.BaseShift,
            MaxShift = trainer.MaxShift,
            UseDynamicShifting = trainer.UseDynamicShifting,
        };

        Assert.Equal(ScheduleConstants.Flux, constants);
    }

    [Theory]
    [MemberData(nameof(Schedules))]
    public void Shift_and_sigmas_are_the_engines(int index)
    {
        var (tokens, steps) = s_schedules[index];
        var trainer = s_trainer.Value.Schedules[index];

        var sigmas = FlowMatchSchedule.Sigmas(steps, tokens, ScheduleConstants.Flux);

        Assert.Equal(FlowMatchSchedule.Mu(tokens, ScheduleConstants.Flux), trainer.Mu, 12);
        Assert.Equal(steps, trainer.Sigmas.Length);
        for (int k = 0; k < steps; k++)
        {
            // The engine shifts in float32 as the reference pipeline does, the trainer in double.
            Assert.True(Math.Abs(sigmas[k] - trainer.Sigmas[k]) <= 1e-6,
                $"σ[{k}] at {tokens} tokens, {steps} steps: engine {sigmas[k]:R}, trainer {trainer.Sigmas[k]:R}");
        }
    }

    private static int[] Grid(GridSize grid) => [grid.Height, grid.Width];
}
