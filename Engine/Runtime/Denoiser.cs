using System.Diagnostics;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Latents;
using Microsoft.ML.OnnxRuntime;

namespace DreamOmni2.Engine.Runtime;

/// <summary>
/// The transformer bound to one job's tensors. Every input is allocated once, in the graph's own element type and
/// ranks: the reference tokens, text states, ids and guidance are written here and never again; a step writes only
/// the target tokens and the timestep and reads back only the target tokens' velocity.
/// </summary>
public sealed class Denoiser : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly List<FloatTensor> _tensors = [];
    private readonly string[] _inputNames;
    private readonly OrtValue[] _inputValues;
    private readonly string[] _outputNames;
    private readonly OrtValue[] _outputValues;
    // These three are also in _tensors, which Dispose releases.
#pragma warning disable CA2213
    private readonly FloatTensor _hiddenStates;
    private readonly FloatTensor _timestep;
    private readonly FloatTensor _output;
#pragma warning restore CA2213
    private readonly float[] _sigma = new float[1];

    /// <param name="referenceTokens">All reference images' packed tokens, in order, after the target's.</param>
    /// <param name="imageIds">Position ids of target then reference tokens, N×3 (<see cref="PositionIds.Build"/>).</param>
    public Denoiser(
        TransformerGraph graph,
        int targetTokens,
        int tokenFeatures,
        ReadOnlySpan<float> referenceTokens,
        float[] imageIds,
        EncodedPrompt prompt,
        float guidance)
    {
        _session = graph.Session;
        var names = graph.Section.Inputs;
        var metadata = graph.Session.InputMetadata;
        int allTokens = targetTokens + referenceTokens.Length / tokenFeatures;
        TargetValues = targetTokens * tokenFeatures;

        var inputs = new List<(string, FloatTensor)>();
        FloatTensor Add(string name, long[] shape, ReadOnlySpan<float> values)
        {
            var tensor = FloatTensor.Allocate(metadata[name].ElementDataType, shape);
            _tensors.Add(tensor);
            inputs.Add((name, tensor));
            tensor.Write(values);
            return tensor;
        }
        long[] Batched(string name, params long[] shape) => ShapeForRank(metadata[name].Dimensions.Length, shape);

        _hiddenStates = Add(names.HiddenStates, [1, allTokens, tokenFeatures], []);
        _hiddenStates.Write(referenceTokens, TargetValues);
        Add(names.EncoderHiddenStates, [1, prompt.Tokens, prompt.Width], prompt.HiddenStates);
        Add(names.PooledProjections, [1, prompt.Pooled.Length], prompt.Pooled);
        _timestep = Add(names.Timestep, Batched(names.Timestep), []);
        Add(names.ImgIds, Batched(names.ImgIds, allTokens, PositionIds.Axes), imageIds);
        Add(names.TxtIds, Batched(names.TxtIds, prompt.Tokens, PositionIds.Axes), PositionIds.Text(prompt.Tokens));
        if (names.Guidance is { } guidanceName)
        {
            Add(guidanceName, Batched(guidanceName), [guidance]);
        }
        _inputNames = [.. inputs.Select(i => i.Item1)];
        _inputValues = [.. inputs.Select(i => i.Item2.Value)];

        string output = graph.Section.Output;
        _output = FloatTensor.Allocate(graph.Session.OutputMetadata[output].ElementDataType, [1, allTokens, tokenFeatures]);
        _tensors.Add(_output);
        _outputNames = [output];
        _outputValues = [_output.Value];
        if (graph.Adapter is { } adapter)
        {
            _runOptions.AddActiveLoraAdapter(adapter);
        }
    }

    /// <summary>
    /// The shape to feed a graph input of the given rank: exports differ in whether ids, timestep and guidance carry a
    /// batch axis ((N, 3) or (1, N, 3); (1) or a scalar), so one is prepended when the graph has one more axis.
    /// </summary>
    internal static long[] ShapeForRank(int graphRank, long[] shape) => graphRank > shape.Length ? [1, .. shape] : shape;

    /// <summary>Values of the target tokens: what a step reads and writes.</summary>
    public int TargetValues { get; }

    /// <summary>Time spent inside ONNX Runtime by the last <see cref="Predict"/>.</summary>
    public TimeSpan LastRunTime { get; private set; }

    /// <summary>The velocity the transformer predicts for the target tokens at noise level σ.</summary>
    public void Predict(ReadOnlySpan<float> target, float sigma, Span<float> velocity, CancellationToken cancellationToken)
    {
        _hiddenStates.Write(target);
        _sigma[0] = sigma;
        _timestep.Write(_sigma);
        long start = Stopwatch.GetTimestamp();
        CancellableRun.Run(_session, _runOptions, _inputNames, _inputValues, _outputNames, _outputValues, cancellationToken);
        LastRunTime = Stopwatch.GetElapsedTime(start);
        _output.Read(velocity[..TargetValues]);
    }

    public void Dispose()
    {
        foreach (var tensor in _tensors)
        {
            tensor.Dispose();
        }
        _runOptions.Dispose();
    }
}
