namespace DreamOmni2.Translation.Tests;

public sealed class TranslationImageTests
{
    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    public void Content_type_is_read_from_the_bytes(byte[] bytes, string contentType) =>
        Assert.Equal(contentType, TranslationImage.FromEncoded(bytes).ContentType);

    [Fact]
    public void Bytes_that_are_no_image_are_refused() =>
        Assert.Throws<ArgumentException>(() => TranslationImage.FromEncoded("GIF89a"u8.ToArray()));
}
