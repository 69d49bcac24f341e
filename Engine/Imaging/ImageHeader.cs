using System.Buffers.Binary;
using DreamOmni2.Contracts;

namespace DreamOmni2.Engine.Imaging;

/// <summary>
/// What the first bytes of a PNG, JPEG or WebP file say, read without a codec: whether the signature is one of
/// the accepted formats, and the declared size. Skia only reports dimensions once it has parsed every chunk up
/// to the pixel data, so a bomb that is nothing but a header would otherwise look merely truncated.
/// </summary>
public static class ImageHeader
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsSupported(ReadOnlySpan<byte> bytes) => IsPng(bytes) || IsJpeg(bytes) || IsWebP(bytes);

    /// <summary>"image/png", "image/jpeg" or "image/webp"; null for anything else.</summary>
    public static string? MediaType(ReadOnlySpan<byte> bytes) =>
        IsPng(bytes) ? "image/png"
        : IsJpeg(bytes) ? "image/jpeg"
        : IsWebP(bytes) ? "image/webp"
        : null;

    /// <summary>The width and height the header declares, or null when it is not there or not readable.</summary>
    public static ImageSize? DeclaredSize(ReadOnlySpan<byte> bytes)
    {
        if (IsPng(bytes))
        {
            return PngSize(bytes);
        }
        if (IsJpeg(bytes))
        {
            return JpegSize(bytes);
        }
        return IsWebP(bytes) ? WebPSize(bytes) : null;
    }

    /// <summary>What is wrong with a PNG's header that a codec refused, when the header itself shows it.</summary>
    internal static HeaderDefect Defect(ReadOnlySpan<byte> bytes)
    {
        if (!IsPng(bytes) || bytes.Length < 33 || !bytes[12..16].SequenceEqual("IHDR"u8))
        {
            return HeaderDefect.None;
        }
        if (Crc32.Compute(bytes[12..29]) != BinaryPrimitives.ReadUInt32BigEndian(bytes[29..]))
        {
            return HeaderDefect.BadChecksum;
        }
        bool noPixels = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]) == 0 || BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]) == 0;
        return noPixels ? HeaderDefect.NoPixels : HeaderDefect.None;
    }

    private static bool IsPng(ReadOnlySpan<byte> bytes) => bytes.StartsWith(PngSignature);

    private static bool IsJpeg(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);

    private static bool IsWebP(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8);

    /// <summary>IHDR is the first chunk: width and height as big-endian 32-bit values at offsets 16 and 20.</summary>
    private static ImageSize? PngSize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 24 || !bytes[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }
        uint width = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
        uint height = BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]);
        return width is 0 or > int.MaxValue || height is 0 or > int.MaxValue ? null : new ImageSize((int)width, (int)height);
    }

    /// <summary>Walks the marker segments to the first start-of-frame: FF Cn, length, precision, height, width.</summary>
    private static ImageSize? JpegSize(ReadOnlySpan<byte> bytes)
    {
        int offset = 2;
        while (offset + 4 <= bytes.Length)
        {
            if (bytes[offset] != 0xFF)
            {
                return null;
            }
            byte marker = bytes[offset + 1];
            if (marker == 0xFF)
            {
                offset++; // fill byte
                continue;
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                offset += 2; // no length field
                continue;
            }
            if (marker == 0xDA)
            {
                return null; // scan data before any frame header
            }
            int length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 2)..]);
            if (IsStartOfFrame(marker))
            {
                if (offset + 9 > bytes.Length)
                {
                    return null;
                }
                int height = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 5)..]);
                int width = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 7)..]);
                return width == 0 || height == 0 ? null : new ImageSize(width, height);
            }
            offset += 2 + length;
        }
        return null;
    }

    private static bool IsStartOfFrame(byte marker) =>
        marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    /// <summary>The first chunk after "WEBP" is VP8X (canvas size), VP8L (lossless) or "VP8 " (lossy key frame).</summary>
    private static ImageSize? WebPSize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 30)
        {
            return null;
        }
        var chunk = bytes[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            return new ImageSize(1 + UInt24(bytes[24..]), 1 + UInt24(bytes[27..]));
        }
        if (chunk.SequenceEqual("VP8L"u8) && bytes[20] == 0x2F)
        {
            uint bits = BinaryPrimitives.ReadUInt32LittleEndian(bytes[21..]);
            return new ImageSize(1 + (int)(bits & 0x3FFF), 1 + (int)((bits >> 14) & 0x3FFF));
        }
        if (chunk.SequenceEqual("VP8 "u8) && bytes[23..26].SequenceEqual((ReadOnlySpan<byte>)[0x9D, 0x01, 0x2A]))
        {
            return new ImageSize(
                BinaryPrimitives.ReadUInt16LittleEndian(bytes[26..]) & 0x3FFF,
                BinaryPrimitives.ReadUInt16LittleEndian(bytes[28..]) & 0x3FFF);
        }
        return null;
    }

    private static int UInt24(ReadOnlySpan<byte> bytes) => bytes[0] | bytes[1] << 8 | bytes[2] << 16;
}

/// <summary>A defect <see cref="ImageHeader.Defect"/> can see in a header.</summary>
internal enum HeaderDefect
{
    None,
    BadChecksum,
    NoPixels,
}
