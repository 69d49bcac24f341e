using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace DreamOmni2.Engine.Runtime;

/// <summary>A graph run once per call with one float tensor in and one float tensor out (VAE halves, preview decoders).</summary>
internal sealed class FloatGraph(InferenceSession session, string input, string output)
{
    private readonly TensorElementType _inputType = session.InputMetadata[input].ElementDataType;
    private readonly string[] _inputNames = [input];
    private readonly string[] _outputNames = [output];

    public float[] Run(ReadOnlySpan<float> values, long[] shape, RunOptions options, CancellationToken cancellationToken, out long[] outputShape)
    {
        using var tensor = FloatTensor.Allocate(_inputType, shape);
        tensor.Write(values);
        using var results = CancellableRun.Run(session, options, _inputNames, [tensor.Value], _outputNames, cancellationToken);
        return FloatTensor.ReadAll(results[0], out outputShape);
    }
}
