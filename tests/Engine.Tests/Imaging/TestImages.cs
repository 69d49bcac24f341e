using System.Buffers.Binary;
using DreamOmni2.Engine.Imaging;
using SkiaSharp;

namespace DreamOmni2.Engine.Tests.Imaging;

/// <summary>Encoded images made on the fly for decoder tests.</summary>
internal static class TestImages
{
    /// <summary>A PNG, JPEG or WebP of the given unpremultiplied RGBA pixels.</summary>
    public static byte[] Encode(int width, int height, Func<int, int, SKColor> pixel, SKEncodedImageFormat format, int quality = 100)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, pixel(x, y));
            }
        }
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>Pixels a codec cannot predict, so that an encoded file is large and any cut lands in image data.</summary>
    public static SKColor Noise(int x, int y)
    {
        uint h = (uint)(x * 73856093 ^ y * 19349663);
        h ^= h >> 13;
        h *= 0x5bd1e995;
        return new SKColor((byte)h, (byte)(h >> 8), (byte)(h >> 16));
    }

    /// <summary>
    /// Just a PNG signature and an IHDR chunk (8-bit RGB) declaring the given size, with a valid CRC: what a
    /// decompression bomb shows before its first IDAT.
    /// </summary>
    public static byte[] PngHeader(int width, int height)
    {
        var png = new byte[8 + 25];
        PngChunks.Signature.CopyTo(png);
        var chunk = png.AsSpan(8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk, 13);
        "IHDR"u8.CopyTo(chunk[4..]);
        BinaryPrimitives.WriteInt32BigEndian(chunk[8..], width);
        BinaryPrimitives.WriteInt32BigEndian(chunk[12..], height);
        chunk[16] = 8; // bit depth
        chunk[17] = 2; // colour type: truecolour
        BinaryPrimitives.WriteUInt32BigEndian(chunk[21..], Crc32.Compute(chunk.Slice(4, 17)));
        return png;
    }

    /// <summary>The JPEG with an EXIF APP1 segment holding only the orientation tag, right after SOI.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] app1 =
        [
            0xFF, 0xE1, 0x00, 0x22, // APP1, length 34 (this field + 32 bytes)
            (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF header, IFD0 at 8
            0x00, 0x01, // one entry
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, // tag 0x0112 Orientation, SHORT, count 1
            (byte)(orientation >> 8), (byte)orientation, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, // no next IFD
        ];
        return [.. jpeg.AsSpan(0, 2), .. app1, .. jpeg.AsSpan(2)];
    }

    /// <summary>The smallest GIF: 1×1, two-colour palette.</summary>
    public static byte[] Gif =>
    [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00,
        0x00, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ];
}
