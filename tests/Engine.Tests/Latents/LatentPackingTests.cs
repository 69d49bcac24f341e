using DreamOmni2.Engine.Latents;

namespace DreamOmni2.Engine.Tests.Latents;

/// <summary>The 2×2 packing of docs/kontext-pipeline.md §3.</summary>
public class LatentPackingTests
{
    [Fact]
    public void Features_are_channel_then_patch_row_then_patch_column()
    {
        // (C=2, H=2, W=4) holding its own CHW index: token t = (y/2)·(W/2) + x/2, feature = c·4 + dy·2 + dx.
        var chw = Enumerable.Range(0, 16).Select(i => (float)i).ToArray();
        var tokens = new float[16];

        LatentPacking.Pack(chw, 2, 2, 4, tokens);

        Assert.Equal([0, 1, 4, 5, 8, 9, 12, 13, 2, 3, 6, 7, 10, 11, 14, 15], tokens);
    }

    [Theory]
    [InlineData(1, 2, 2, 1)]
    [InlineData(16, 8, 6, 2)]
    [InlineData(3, 10, 4, 3)]
    [InlineData(16, 2, 30, 4)]
    [InlineData(4, 14, 14, 5)]
    public void Matches_the_view_permute_reshape_of_the_reference(int channels, int height, int width, int seed)
    {
        var chw = RandomValues(channels * height * width, seed);
        var tokens = new float[chw.Length];

        LatentPacking.Pack(chw, channels, height, width, tokens);

        // view (C, h/2, 2, w/2, 2) → permute (h/2, w/2, C, 2, 2) → reshape (h/2·w/2, 4C), written out index by index.
        int i = 0;
        for (int gy = 0; gy < height / 2; gy++)
        for (int gx = 0; gx < width / 2; gx++)
        for (int c = 0; c < channels; c++)
        for (int dy = 0; dy < 2; dy++)
        for (int dx = 0; dx < 2; dx++)
        {
            Assert.Equal(chw[(c * height + 2 * gy + dy) * width + 2 * gx + dx], tokens[i++]);
        }
    }

    [Theory]
    [InlineData(16, 4, 4, 11)]
    [InlineData(2, 12, 2, 12)]
    [InlineData(5, 6, 18, 13)]
    [InlineData(16, 32, 22, 14)]
    public void Unpack_inverts_pack(int channels, int height, int width, int seed)
    {
        var chw = RandomValues(channels * height * width, seed);
        var tokens = new float[chw.Length];
        var back = new float[chw.Length];

        LatentPacking.Pack(chw, channels, height, width, tokens);
        LatentPacking.Unpack(tokens, channels, height, width, back);

        Assert.Equal(chw, back);
    }

    [Fact]
    public void Packing_allocates_nothing()
    {
        var chw = RandomValues(16 * 16 * 16, 1);
        var tokens = new float[chw.Length];
        LatentPacking.Pack(chw, 16, 16, 16, tokens);
        LatentPacking.Unpack(tokens, 16, 16, 16, chw);

        long before = GC.GetAllocatedBytesForCurrentThread();
        LatentPacking.Pack(chw, 16, 16, 16, tokens);
        LatentPacking.Unpack(tokens, 16, 16, 16, chw);

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Odd_sizes_and_wrong_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => LatentPacking.Pack(new float[12], 1, 3, 4, new float[12]));
        Assert.Throws<ArgumentException>(() => LatentPacking.Pack(new float[16], 1, 4, 4, new float[15]));
        Assert.Throws<ArgumentException>(() => LatentPacking.Unpack(new float[16], 2, 4, 4, new float[16]));
    }

    private static float[] RandomValues(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => random.NextSingle() * 2 - 1).ToArray();
    }
}
