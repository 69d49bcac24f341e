namespace DreamOmni2.Server.Storage;

/// <summary>The content type of a stored image, read from its first bytes (never from a name the user chose).</summary>
public static class ImageContentType
{
    public static string Of(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\x89PNG"u8))
        {
            return "image/png";
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }
        return "application/octet-stream";
    }
}
