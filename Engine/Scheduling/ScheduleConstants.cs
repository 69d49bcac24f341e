namespace DreamOmni2.Engine.Scheduling;

/// <summary>
/// The flow-matching scheduler's configuration, as in FLUX.1's <c>scheduler_config.json</c>
/// (FlowMatchEulerDiscreteScheduler).
/// </summary>
/// <param name="BaseImageSeqLen">Target token count at which μ = <paramref name="BaseShift"/>.</param>
/// <param name="MaxImageSeqLen">Target token count at which μ = <paramref name="MaxShift"/>.</param>
/// <param name="BaseShift">μ at the base sequence length.</param>
/// <param name="MaxShift">μ at the maximum sequence length.</param>
/// <param name="UseDynamicShifting">Shift by μ from the token count; when false, by the fixed <paramref name="Shift"/>.</param>
/// <param name="Shift">The fixed shift used only when dynamic shifting is off.</param>
public sealed record ScheduleConstants(
    int BaseImageSeqLen = 256,
    int MaxImageSeqLen = 4096,
    double BaseShift = 0.5,
    double MaxShift = 1.15,
    bool UseDynamicShifting = true,
    double Shift = 3.0)
{
    public static ScheduleConstants Flux { get; } = new();
}
