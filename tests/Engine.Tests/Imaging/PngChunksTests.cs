using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Tests.Imaging;

public class PngChunksTests
{
    private static byte[] Png() => PngEncoder.Encode(new byte[3], 1, 1);

    [Fact]
    public void Reads_chunks_in_order_from_IHDR_to_IEND()
    {
        var types = PngChunks.Read(Png()).Select(c => c.Type).ToList();

        Assert.Equal("IHDR", types[0]);
        Assert.Contains("IDAT", types);
        Assert.Equal("IEND", types[^1]);
    }

    [Fact]
    public void Stops_at_a_chunk_that_runs_past_the_end()
    {
        var png = Png();

        var types = PngChunks.Read(png[..40]).Select(c => c.Type).ToList();

        Assert.Equal(["IHDR"], types);
    }

    [Fact]
    public void Inserting_needs_an_IEND()
    {
        var png = Png();

        Assert.Throws<ArgumentException>(() => PngChunks.InsertBeforeEnd(png[..^12], "tEXt", "a\0b"u8));
    }
}
