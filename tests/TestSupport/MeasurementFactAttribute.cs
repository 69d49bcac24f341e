namespace DreamOmni2.TestSupport;

/// <summary>A measurement rather than a check: it runs only when DREAMOMNI2_MEASURE=1, so the test suite stays fast.</summary>
public sealed class MeasurementFactAttribute : FactAttribute
{
    public const string Variable = "DREAMOMNI2_MEASURE";

    public MeasurementFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"a measurement: set {Variable}=1 to run it";
        }
    }
}
