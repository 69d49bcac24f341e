using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Translation;

/// <summary>One input image as encoded bytes ("image/png", "image/jpeg", "image/webp" …).</summary>
public sealed record TranslationImage(ReadOnlyMemory<byte> Bytes, string ContentType)
{
    /// <summary>An image whose content type is read from its first bytes.</summary>
    /// <exception cref="ArgumentException">The bytes are not a PNG, JPEG or WebP image.</exception>
    public static TranslationImage FromEncoded(ReadOnlyMemory<byte> bytes) =>
        new(bytes, ImageHeader.MediaType(bytes.Span)
            ?? throw new ArgumentException("the image is not a PNG, JPEG or WebP file", nameof(bytes)));
}
