namespace DreamOmni2.Translation.Reflection;

/// <summary>
/// "Check and retry" after a result (OmniGen2's reflection). Off by default; it needs a VLM to judge results. When
/// enabled, each request may ask for it (every extra round is another full job on the device).
/// </summary>
public sealed record ReflectionOptions
{
    public const string SectionName = "Translation:Reflection";

    public bool Enabled { get; init; }

    /// <summary>The most times a job runs, the first run included.</summary>
    public int MaxRounds { get; init; } = 3;
}
