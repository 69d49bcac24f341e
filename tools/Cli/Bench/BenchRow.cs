namespace DreamOmni2.Cli.Bench;

/// <summary>One pack's per-step figures: median time inside the transformer run and of the engine's time around it, mean managed allocation.</summary>
internal sealed record BenchRow(string Pack, int TargetTokens, int ReferenceTokens, int Steps, double OnnxMsPerStep, double EngineMsPerStep, long BytesPerStep)
{
    public double EngineShare => EngineMsPerStep / (OnnxMsPerStep + EngineMsPerStep);
}
