using System.Text;
using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Tests.Imaging;

public class Crc32Tests
{
    [Fact]
    public void Matches_the_standard_check_value() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void Two_parts_give_the_crc_of_their_concatenation() =>
        Assert.Equal(Crc32.Compute("IENDabc"u8), Crc32.Compute("IEND"u8, "abc"u8));

    [Fact]
    public void An_empty_png_iend_chunk_has_its_well_known_crc() =>
        Assert.Equal(0xAE426082u, Crc32.Compute("IEND"u8));
}
