using DreamOmni2.Engine.Runtime;

namespace DreamOmni2.Engine.Tests.Runtime;

public class DenoiserTests
{
    [Theory]
    [InlineData(2, new long[] { 300, 3 }, new long[] { 300, 3 })]
    [InlineData(3, new long[] { 300, 3 }, new long[] { 1, 300, 3 })]
    [InlineData(1, new long[0], new long[] { 1 })]
    [InlineData(0, new long[0], new long[0])]
    public void Ids_timestep_and_guidance_take_the_graphs_rank(int rank, long[] shape, long[] expected) =>
        Assert.Equal(expected, Denoiser.ShapeForRank(rank, shape));
}
