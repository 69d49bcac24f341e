using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Text;

namespace DreamOmni2.Engine.Runtime;

/// <summary>One of the pack's text encoders with its tokenizer.</summary>
public sealed class TextEncoder
{
    private readonly InferenceSession _session;
    private readonly ITextTokenizer _tokenizer;
    private readonly TensorElementType _idType;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    internal TextEncoder(TextEncoderSection section, InferenceSession session, ITextTokenizer tokenizer)
    {
        Section = section;
        _session = session;
        _tokenizer = tokenizer;
        _idType = session.InputMetadata[section.Input].ElementDataType;
        _inputNames = [section.Input];
        _outputNames = [.. section.Outputs.Keys];
    }

    public TextEncoderSection Section { get; }

    /// <summary>The encoder's outputs for the prompt, each with the transformer role it feeds.</summary>
    public IReadOnlyList<(TextEmbeddingRole Role, float[] Values, long[] Shape)> Encode(
        string prompt, RunOptions options, CancellationToken cancellationToken)
    {
        int[] ids = _tokenizer.Encode(prompt, Section.MaxLength);
        long[] shape = [1, ids.Length];
        using var input = _idType == TensorElementType.Int64
            ? OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(ids, id => (long)id), shape)
            : OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var results = CancellableRun.Run(_session, options, _inputNames, [input], _outputNames, cancellationToken);
        var embeddings = new List<(TextEmbeddingRole, float[], long[])>(_outputNames.Length);
        int i = 0;
        foreach (var value in results)
        {
            var values = FloatTensor.ReadAll(value, out var valueShape);
            embeddings.Add((Section.Outputs[_outputNames[i++]], values, valueShape));
        }
        return embeddings;
    }
}
