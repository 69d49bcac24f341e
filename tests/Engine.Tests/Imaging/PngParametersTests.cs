using System.Text;
using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Tests.Imaging;

public class PngParametersTests
{
    private static byte[] Png() => PngEncoder.Encode(new byte[2 * 2 * 3], 2, 2);

    [Fact]
    public void Latin1_text_is_written_as_tEXt_and_read_back()
    {
        const string json = """{"prompt":"make the bag in image 1 café-brown","seed":42}""";

        var png = PngParameters.Write(Png(), json);

        Assert.Equal(json, PngParameters.Read(png));
        Assert.Contains(ChunkTypes(png), type => type == "tEXt");
    }

    [Fact]
    public void Other_text_is_written_as_utf8_iTXt_and_read_back()
    {
        const string json = """{"instruction":"让图1中的包有图2中夹克的皮革"}""";

        var png = PngParameters.Write(Png(), json);

        Assert.Equal(json, PngParameters.Read(png));
        Assert.Contains(ChunkTypes(png), type => type == "iTXt");
    }

    [Fact]
    public void The_chunk_goes_just_before_IEND_with_a_valid_crc()
    {
        var png = PngParameters.Write(Png(), "x");

        var types = ChunkTypes(png);
        Assert.Equal(["tEXt", "IEND"], types[^2..]);
        Assert.All(ChunkCrcs(png), crc => Assert.Equal(crc.Stored, crc.Computed));
    }

    [Fact]
    public void The_image_still_decodes()
    {
        var png = PngEncoder.Encode([10, 20, 30, 40, 50, 60], 2, 1, """{"seed":1}""");

        Assert.Equal(new byte[] { 10, 20, 30, 40, 50, 60 }, ImageDecoder.Decode(png, ImageLimits.Default, 1).Rgb);
    }

    [Fact]
    public void A_png_without_parameters_or_other_bytes_read_as_null()
    {
        Assert.Null(PngParameters.Read(Png()));
        Assert.Null(PngParameters.Read([1, 2, 3]));
    }

    [Fact]
    public void Other_keywords_are_skipped()
    {
        var png = InsertTextChunk(Png(), "Software", "something");
        png = PngParameters.Write(png, "wanted");

        Assert.Equal("wanted", PngParameters.Read(png));
    }

    [Fact]
    public void Removing_takes_out_every_parameters_chunk_and_keeps_the_rest_byte_for_byte()
    {
        var plain = InsertTextChunk(Png(), "Software", "something");
        var png = PngParameters.Write(PngParameters.Write(plain, "latin"), "让图1");

        var stripped = PngParameters.Remove(png);

        Assert.Null(PngParameters.Read(stripped));
        Assert.Equal(plain, stripped);
        Assert.Equal(plain, PngParameters.Remove(plain));
        Assert.Equal(new byte[] { 1, 2, 3 }, PngParameters.Remove([1, 2, 3]));
    }

    [Fact]
    public void A_compressed_chunk_that_is_damaged_or_unpacks_too_far_reads_as_null_and_a_small_one_reads()
    {
        var small = InsertCompressedChunk(Png(), Encoding.UTF8.GetBytes("Steps: 20, Seed: 7"));
        var bomb = InsertCompressedChunk(Png(), new byte[PngParameters.MaxCompressedTextChars + 10]);
        var damaged = PngChunks.InsertBeforeEnd(Png(), "iTXt", [.. Encoding.Latin1.GetBytes("parameters\0"), 1, 0, 0, 0, 0x78, 0x9C, 0xFF, 0xFF, 0xFF]);

        Assert.Equal("Steps: 20, Seed: 7", PngParameters.Read(small));
        Assert.True(bomb.Length < 10_000, $"the compressed chunk takes {bomb.Length} bytes");
        Assert.Null(PngParameters.Read(bomb));
        Assert.Null(PngParameters.Read(damaged));
    }

    /// <summary>A zlib-compressed iTXt <c>parameters</c> chunk, as Pillow writes one when asked to compress.</summary>
    private static byte[] InsertCompressedChunk(byte[] png, byte[] text)
    {
        using var packed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(packed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(text);
        }
        return PngChunks.InsertBeforeEnd(png, "iTXt", [.. Encoding.Latin1.GetBytes("parameters\0"), 1, 0, 0, 0, .. packed.ToArray()]);
    }

    private static byte[] InsertTextChunk(byte[] png, string keyword, string text) =>
        PngChunks.InsertBeforeEnd(png, "tEXt", Encoding.Latin1.GetBytes(keyword + "\0" + text));

    private static List<string> ChunkTypes(byte[] png) => PngChunks.Read(png).Select(c => c.Type).ToList();

    private static IEnumerable<(uint Stored, uint Computed)> ChunkCrcs(byte[] png)
    {
        int offset = 8;
        while (offset < png.Length)
        {
            int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            uint stored = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            yield return (stored, Crc32.Compute(png.AsSpan(offset + 4, 4 + length)));
            offset += 12 + length;
        }
    }
}
