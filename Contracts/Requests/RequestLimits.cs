namespace DreamOmni2.Contracts;

/// <summary>The bounds every request is held to, whatever the pack, shown by the page and enforced by <see cref="RequestRules"/>.</summary>
public static class RequestLimits
{
    public const int MinSteps = 1;
    public const int MaxSteps = 1000;
    public const float MinGuidance = 0f;
    public const float MaxGuidance = 30f;

    /// <summary>Longest instruction or prompt, in characters: far beyond any text encoder's window.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Why a step count cannot run, in the words every front end shows; null when it can.</summary>
    public static string? StepsProblem(int steps) =>
        steps is < MinSteps or > MaxSteps ? $"steps must be between {MinSteps} and {MaxSteps}; {steps} was given" : null;

    /// <summary>Why a seed typed into a form cannot be used (a request's seed has no sign); null when it can.</summary>
    public static string? SeedProblem(long seed) =>
        seed < 0 ? $"the seed must be 0 or more; {seed} was given (switch on Random seed for a new seed at each run)" : null;

    /// <summary>Why a guidance cannot be used, in the words every front end shows; null when it can.</summary>
    public static string? GuidanceProblem(float guidance) =>
        !float.IsFinite(guidance) || guidance is < MinGuidance or > MaxGuidance
            ? $"guidance must be between {MinGuidance} and {MaxGuidance}; {guidance} was given"
            : null;
}
