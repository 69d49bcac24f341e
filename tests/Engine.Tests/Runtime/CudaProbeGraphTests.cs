using Microsoft.ML.OnnxRuntime;
using DreamOmni2.Engine.Runtime;

namespace DreamOmni2.Engine.Tests.Runtime;

public class CudaProbeGraphTests
{
    [Fact]
    public void The_probe_is_a_model_onnx_runtime_loads_and_runs()
    {
        using var options = new SessionOptions();
        using var session = new InferenceSession(CudaProbeGraph.Onnx.ToArray(), options);
        using var run = new RunOptions();
        using var input = OrtValue.CreateTensorValueFromMemory(new[] { 4.25f }, [1]);
        using var outputs = session.Run(run, [CudaProbeGraph.Input], [input], [CudaProbeGraph.Output]);

        Assert.Equal([4.25f], outputs[0].GetTensorDataAsSpan<float>().ToArray());
    }
}
