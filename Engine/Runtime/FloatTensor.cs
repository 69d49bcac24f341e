using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace DreamOmni2.Engine.Runtime;

/// <summary>
/// A native tensor of float32, float16 or bfloat16 that the engine reads and writes as float32, converting element
/// by element into or out of the tensor's own memory (no intermediate buffers).
/// </summary>
internal sealed class FloatTensor : IDisposable
{
    private FloatTensor(OrtValue value, TensorElementType elementType, long[] shape)
    {
        Value = value;
        ElementType = elementType;
        Shape = shape;
    }

    public OrtValue Value { get; }

    public TensorElementType ElementType { get; }

    public long[] Shape { get; }

    public static bool Supports(TensorElementType type) =>
        type is TensorElementType.Float or TensorElementType.Float16 or TensorElementType.BFloat16;

    public static FloatTensor Allocate(TensorElementType elementType, long[] shape)
    {
        if (!Supports(elementType))
        {
            throw new NotSupportedException($"{elementType} tensors are not float tensors");
        }
        return new FloatTensor(OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, elementType, shape), elementType, shape);
    }

    /// <summary>Copies a float tensor ONNX Runtime returned into a float32 array, with its shape.</summary>
    public static float[] ReadAll(OrtValue value, out long[] shape)
    {
        var info = value.GetTensorTypeAndShape();
        if (!Supports(info.ElementDataType))
        {
            throw new NotSupportedException($"the graph returned {info.ElementDataType}; float32, float16 or bfloat16 is expected");
        }
        shape = info.Shape;
        var values = new float[checked((int)info.ElementCount)];
        // A view of a value the caller owns and disposes: the view itself holds nothing to release.
#pragma warning disable CA2000
        new FloatTensor(value, info.ElementDataType, shape).Read(values);
#pragma warning restore CA2000
        return values;
    }

    public void Write(ReadOnlySpan<float> source, int offset = 0)
    {
        switch (ElementType)
        {
            case TensorElementType.Float:
                source.CopyTo(Value.GetTensorMutableDataAsSpan<float>()[offset..]);
                break;
            case TensorElementType.Float16:
                var halves = Value.GetTensorMutableDataAsSpan<Float16>().Slice(offset, source.Length);
                for (int i = 0; i < source.Length; i++)
                {
                    halves[i] = (Float16)source[i];
                }
                break;
            default:
                var brains = Value.GetTensorMutableDataAsSpan<BFloat16>().Slice(offset, source.Length);
                for (int i = 0; i < source.Length; i++)
                {
                    brains[i] = (BFloat16)source[i];
                }
                break;
        }
    }

    public void Read(Span<float> destination, int offset = 0)
    {
        switch (ElementType)
        {
            case TensorElementType.Float:
                Value.GetTensorDataAsSpan<float>().Slice(offset, destination.Length).CopyTo(destination);
                break;
            case TensorElementType.Float16:
                var halves = Value.GetTensorDataAsSpan<Float16>().Slice(offset, destination.Length);
                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] = (float)halves[i];
                }
                break;
            default:
                var brains = Value.GetTensorDataAsSpan<BFloat16>().Slice(offset, destination.Length);
                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] = (float)brains[i];
                }
                break;
        }
    }

    public void Dispose() => Value.Dispose();
}
