using DreamOmni2.Contracts;

namespace DreamOmni2.Engine.Tests.Parity;

/// <summary>What <c>tools/trainer/print_parity.py</c> is asked: position ids for some grids and schemes, schedules for some sizes.</summary>
internal sealed record TrainerRequest(IReadOnlyList<PositionIdsCase> PositionIds, IReadOnlyList<ScheduleCase> Schedules);

/// <summary>A target grid and reference grids as (rows, columns), under one scheme.</summary>
internal sealed record PositionIdsCase(int[] Target, int[][] References, bool Index, bool Shift);

/// <summary>A schedule for a target of <paramref name="Tokens"/> tokens sampled in <paramref name="Steps"/> steps.</summary>
internal sealed record ScheduleCase(int Tokens, int Steps);

/// <summary>The trainer's answer: its schedule constants, then one answer per case, in the request's order.</summary>
internal sealed record TrainerNumbers(TrainerSchedule Schedule, int[][][] PositionIds, ScheduleAnswer[] Schedules);

/// <summary>The trainer's <c>DEFAULT_SCHEDULE</c>, which it also writes into every pack it exports.</summary>
internal sealed record TrainerSchedule(int BaseImageSeqLen, int MaxImageSeqLen, double BaseShift, double MaxShift, bool UseDynamicShifting);

/// <summary>The dynamic shift μ and the shifted sigmas before the final 0.</summary>
internal sealed record ScheduleAnswer(double Mu, double[] Sigmas);
