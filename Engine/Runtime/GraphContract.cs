using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace DreamOmni2.Engine.Runtime;

/// <summary>What a tensor must hold for the role a manifest gives it.</summary>
internal enum TensorKind
{
    /// <summary>float32, float16 or bfloat16.</summary>
    Float,

    /// <summary>int32 or int64.</summary>
    TokenIds,
}

/// <summary>
/// Checks one graph's inputs and outputs against the roles a manifest names, collecting every mismatch as a line
/// that names the file, the tensor and the manifest field.
/// </summary>
internal sealed class GraphContract(string file, InferenceSession session, List<string> problems)
{
    public string File { get; } = file;

    public NodeMetadata? Input(string field, string name, TensorKind kind, params int[] ranks) =>
        Find("input", session.InputMetadata, field, name, kind, ranks);

    public NodeMetadata? Output(string field, string name, TensorKind kind, params int[] ranks) =>
        Find("output", session.OutputMetadata, field, name, kind, ranks);

    /// <summary>The graph's only input or output, when the manifest does not name it (preview decoders).</summary>
    public (string Name, NodeMetadata? Metadata) Single(string field, bool input, TensorKind kind, int rank)
    {
        var all = input ? session.InputMetadata : session.OutputMetadata;
        if (all.Count != 1)
        {
            problems.Add($"{File} ({field}): expected exactly one {(input ? "input" : "output")}; the graph has: {string.Join(", ", all.Keys)}");
            return ("", null);
        }
        var name = all.Keys.Single();
        return (name, Find(input ? "input" : "output", all, field, name, kind, [rank]));
    }

    /// <summary>Checks a fixed dimension; a symbolic one (−1) accepts anything. Negative axes count from the end.</summary>
    public void Dimension(NodeMetadata? tensor, string name, int axis, int expected, string meaning)
    {
        if (tensor is null)
        {
            return;
        }
        int index = axis < 0 ? tensor.Dimensions.Length + axis : axis;
        int actual = tensor.Dimensions[index];
        if (actual > 0 && actual != expected)
        {
            problems.Add($"{File}: '{name}' has {actual} in dimension {index}; expected {expected} ({meaning})");
        }
    }

    /// <summary>Every graph input must be fed: inputs the manifest does not name would be left without a value.</summary>
    public void AllInputsNamed(IEnumerable<string?> named, string field)
    {
        var fed = named.OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var input in session.InputMetadata.Keys.Where(k => !fed.Contains(k)))
        {
            problems.Add($"{File}: input '{input}' is not named in {field}, so nothing would feed it");
        }
    }

    private NodeMetadata? Find(
        string direction, IReadOnlyDictionary<string, NodeMetadata> all, string field, string name, TensorKind kind, int[] ranks)
    {
        if (!all.TryGetValue(name, out var tensor))
        {
            problems.Add($"{File}: {direction} '{name}' ({field}) not found; the graph's {direction}s are: {string.Join(", ", all.Keys)}");
            return null;
        }
        bool ok = true;
        if (!tensor.IsTensor || !Accepts(kind, tensor.ElementDataType))
        {
            string actual = tensor.IsTensor ? TypeName(tensor.ElementDataType) : tensor.OnnxValueType.ToString();
            problems.Add($"{File}: {direction} '{name}' ({field}) is {actual}; expected {(kind == TensorKind.Float ? "float32, float16 or bfloat16" : "int32 or int64")}");
            ok = false;
        }
        else if (!ranks.Contains(tensor.Dimensions.Length))
        {
            problems.Add($"{File}: {direction} '{name}' ({field}) has rank {tensor.Dimensions.Length}; expected {string.Join(" or ", ranks)}");
            ok = false;
        }
        return ok ? tensor : null;
    }

    private static bool Accepts(TensorKind kind, TensorElementType type) => kind == TensorKind.Float
        ? FloatTensor.Supports(type)
        : type is TensorElementType.Int32 or TensorElementType.Int64;

    private static string TypeName(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Float16 => "float16",
        TensorElementType.BFloat16 => "bfloat16",
        TensorElementType.Int32 => "int32",
        TensorElementType.Int64 => "int64",
        _ => type.ToString().ToLowerInvariant(),
    };
}
