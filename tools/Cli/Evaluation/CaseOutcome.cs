using DreamOmni2.Contracts;
using DreamOmni2.ShapeWorld.Judging;
using DreamOmni2.DataFactory.Tasks;
using DreamOmni2.Engine.Latents;

namespace DreamOmni2.Cli.Evaluation;

/// <summary>One held-out case run under one scheme, and the judge's verdict on its output.</summary>
public sealed record CaseOutcome(Sample Sample, int CaseNumber, EncodingScheme Scheme, string Prompt, byte[] OutputRgb, JudgeResult Verdict);
