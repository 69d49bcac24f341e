namespace DreamOmni2.Engine.Scheduling;

/// <summary>The shifted sigmas of FLUX's flow-matching schedule (FluxKontextPipeline + FlowMatchEulerDiscreteScheduler).</summary>
public static class FlowMatchSchedule
{
    /// <summary>μ = seq·m + b on the line through (base len, base shift) and (max len, max shift); seq counts target tokens only.</summary>
    public static double Mu(int targetTokens, ScheduleConstants constants)
    {
        double m = (constants.MaxShift - constants.BaseShift) / (constants.MaxImageSeqLen - constants.BaseImageSeqLen);
        double b = constants.BaseShift - m * constants.BaseImageSeqLen;
        return targetTokens * m + b;
    }

    /// <summary>
    /// steps + 1 sigmas: <c>σ = linspace(1, 1/N, N)</c> shifted by <c>e^μ / (e^μ + (1/σ − 1))</c>, then a final 0.
    /// </summary>
    /// <remarks>
    /// linspace runs in double and the shift in float32, as numpy does them in the reference (the linspace is cast to
    /// float32 before shifting, and e^μ enters as a weak Python scalar), so the sigmas match bit for bit.
    /// </remarks>
    public static float[] Sigmas(int steps, int targetTokens, ScheduleConstants constants)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        var sigmas = new float[steps + 1];
        double first = 1.0, last = 1.0 / steps;
        double delta = steps > 1 ? (last - first) / (steps - 1) : 0;
        for (int k = 0; k < steps; k++)
        {
            double linear = k == steps - 1 ? last : first + k * delta;
            sigmas[k] = Shifted((float)linear, targetTokens, constants);
        }
        sigmas[steps] = 0f;
        return sigmas;
    }

    private static float Shifted(float sigma, int targetTokens, ScheduleConstants constants)
    {
        if (constants.UseDynamicShifting)
        {
            float expMu = (float)Math.Exp(Mu(targetTokens, constants));
            return expMu / (expMu + (1f / sigma - 1f));
        }
        float shift = (float)constants.Shift;
        return shift * sigma / (1f + (shift - 1f) * sigma);
    }
}
