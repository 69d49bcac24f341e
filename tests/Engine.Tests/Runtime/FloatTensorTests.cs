using Microsoft.ML.OnnxRuntime.Tensors;
using DreamOmni2.Engine.Runtime;

namespace DreamOmni2.Engine.Tests.Runtime;

public class FloatTensorTests
{
    [Theory]
    [InlineData(TensorElementType.Float, 0f)]
    [InlineData(TensorElementType.Float16, 1e-3f)]
    [InlineData(TensorElementType.BFloat16, 8e-3f)]
    public void Values_written_as_float_read_back_within_the_types_precision(TensorElementType type, float relativeError)
    {
        float[] values = [0f, 1f, -2.5f, 0.3611f, 1234.5f, -0.001f];
        using var tensor = FloatTensor.Allocate(type, [1, 2, values.Length]);
        tensor.Write(values, offset: values.Length);

        var read = new float[values.Length];
        tensor.Read(read, offset: values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.InRange(read[i], values[i] - Math.Abs(values[i]) * relativeError, values[i] + Math.Abs(values[i]) * relativeError);
        }
    }

    [Fact]
    public void Integer_tensors_are_not_float_tensors() =>
        Assert.Throws<NotSupportedException>(() => FloatTensor.Allocate(TensorElementType.Int64, [1]));
}
