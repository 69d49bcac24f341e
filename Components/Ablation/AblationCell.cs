using DreamOmni2.Contracts;

namespace DreamOmni2.Components.Ablation;

/// <summary>One scheme's run in the ablation grid.</summary>
/// <param name="Status">The run's state in words.</param>
/// <param name="ResultUrl">Set once the run has a result.</param>
public sealed record AblationCell(EncodingScheme Scheme, JobState State, string Status, int Step, int Steps, string? ResultUrl);
