using DreamOmni2.Contracts;
using DreamOmni2.DataFactory.Tasks;
using DreamOmni2.Engine.Latents;

namespace DreamOmni2.Cli.Evaluation;

/// <summary>What an evaluation runs: held-out cases of each task, each under every encoding scheme.</summary>
/// <param name="Cases">Cases per task.</param>
/// <param name="CaseSeed">Chooses the held-out cases; the same seed always gives the same cases.</param>
/// <param name="Steps">Denoising steps; null: the pack's default.</param>
/// <param name="Translate">Feed a loose phrasing through the built-in translator instead of the standard prompt.</param>
/// <param name="Placement">Where the edits' objects are drawn.</param>
public sealed record EvaluationPlan(
    int Cases,
    int CaseSeed,
    IReadOnlyList<TaskKind> Tasks,
    IReadOnlyList<EncodingScheme> Schemes,
    int? Steps,
    bool Translate,
    EditPlacement Placement = EditPlacement.AsDrawn)
{
    /// <summary>One seed per case, shared by every scheme, so the schemes differ in their position ids alone.</summary>
    public ulong NoiseSeed(int caseNumber) => ((ulong)(uint)CaseSeed << 32) | (uint)caseNumber;
}
