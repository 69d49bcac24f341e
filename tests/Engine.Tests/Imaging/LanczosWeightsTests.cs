using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Tests.Imaging;

public class LanczosWeightsTests
{
    private const int One = 1 << LanczosWeights.PrecisionBits;

    [Theory]
    [InlineData(100, 10)]
    [InlineData(10, 100)]
    [InlineData(7, 7)]
    public void Each_output_reads_inside_the_input_with_weights_summing_to_one(int inSize, int outSize)
    {
        var weights = LanczosWeights.For(inSize, outSize);

        for (int o = 0; o < outSize; o++)
        {
            Assert.InRange(weights.First[o], 0, inSize - 1);
            Assert.InRange(weights.First[o] + weights.Count[o], 1, inSize);
            int sum = weights.Weights.AsSpan(o * weights.Stride, weights.Count[o]).ToArray().Sum();
            Assert.InRange(sum, One - weights.Count[o], One + weights.Count[o]);
        }
    }

    [Fact]
    public void Shrinking_widens_the_support_by_the_scale()
    {
        // 3 lobes each side, times the 10× scale: about 60 taps, where a fixed cubic would read 4.
        var weights = LanczosWeights.For(1000, 100);

        Assert.Equal(60, weights.Count[50]);
    }

    [Fact]
    public void At_the_same_size_each_output_is_its_input()
    {
        var weights = LanczosWeights.For(5, 5);

        for (int o = 0; o < 5; o++)
        {
            var taps = weights.Weights.AsSpan(o * weights.Stride, weights.Count[o]);
            Assert.Equal(One, taps[o - weights.First[o]]);
        }
    }
}
