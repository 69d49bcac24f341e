using DreamOmni2.Engine.Pipeline;
using DreamOmni2.Engine.Runtime;

namespace DreamOmni2.Cli.Bench;

/// <summary>Runs a job's steps on this thread and splits each step's time into ONNX Runtime's and the engine's.</summary>
internal static class StepBenchmark
{
    public static BenchRow Measure(PackSessions sessions, PipelineInput input, int steps, CancellationToken cancellationToken)
    {
        // One extra step, not counted: the first run pays for ONNX Runtime's arena growth and JIT compilation.
        using var job = KontextJob.Prepare(sessions, input with { Settings = input.Settings with { Steps = steps + 1 } }, cancellationToken);
        job.Step(cancellationToken);
        var onnx = new double[steps];
        var engine = new double[steps];
        long allocated = 0;
        for (int k = 0; k < steps; k++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var step = job.Step(cancellationToken);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            onnx[k] = step.OnnxTime.TotalMilliseconds;
            engine[k] = (step.Elapsed - step.OnnxTime).TotalMilliseconds;
        }
        var p = job.Prepared;
        return new BenchRow(
            sessions.Pack.Name,
            p.TargetTokens,
            p.ReferenceTokens,
            steps,
            Medians.Of(onnx),
            Medians.Of(engine),
            allocated / steps);
    }
}
