namespace DreamOmni2.Engine.Imaging;

/// <summary>The magic bytes of the accepted formats, to tell a cut-short image from something that never was one.</summary>
internal static class EncodedSignature
{
    private static ReadOnlySpan<byte> Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    public static bool IsSupported(ReadOnlySpan<byte> bytes) => MediaType(bytes) is not null;

    /// <summary>"image/png", "image/jpeg" or "image/webp"; null for anything else.</summary>
    public static string? MediaType(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Png) ? "image/png"
        : bytes.StartsWith(Jpeg) ? "image/jpeg"
        : bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;
}
