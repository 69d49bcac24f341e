using DreamOmni2.Contracts;

namespace DreamOmni2.Components.Ablation;

/// <summary>One scheme's run in the ablation grid.</summary>
/// <param name="ResultUrl">Set once the run has a result.</param>
public sealed record AblationCell(EncodingScheme Scheme, string Status, int Step, int Steps, string? ResultUrl);
