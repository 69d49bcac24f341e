using System.Buffers.Binary;
using System.Text;

namespace DreamOmni2.Engine.Imaging;

/// <summary>Reads and inserts PNG chunks: 4-byte big-endian length, 4-byte type, data, CRC-32 of type + data.</summary>
internal static class PngChunks
{
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The chunks of a PNG in file order, up to IEND; none when the bytes are not a PNG or a chunk overruns.</summary>
    public static IEnumerable<(string Type, ReadOnlyMemory<byte> Data)> Read(byte[] png)
    {
        if (!png.AsSpan().StartsWith(Signature))
        {
            yield break;
        }
        int offset = Signature.Length;
        while (offset + 12 <= png.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
            if (length > (uint)(png.Length - offset - 12))
            {
                yield break;
            }
            string type = Encoding.ASCII.GetString(png, offset + 4, 4);
            yield return (type, png.AsMemory(offset + 8, (int)length));
            if (type == "IEND")
            {
                yield break;
            }
            offset += 12 + (int)length;
        }
    }

    /// <summary>A copy of <paramref name="png"/> with one more chunk just before IEND.</summary>
    public static byte[] InsertBeforeEnd(byte[] png, string type, ReadOnlySpan<byte> data)
    {
        int end = IndexOfEnd(png);
        var result = new byte[png.Length + 12 + data.Length];
        png.AsSpan(0, end).CopyTo(result);
        var chunk = result.AsSpan(end, 12 + data.Length);
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, chunk.Slice(4, 4));
        data.CopyTo(chunk[8..]);
        BinaryPrimitives.WriteUInt32BigEndian(chunk[(8 + data.Length)..], Crc32.Compute(chunk.Slice(4, 4 + data.Length)));
        png.AsSpan(end).CopyTo(result.AsSpan(end + chunk.Length));
        return result;
    }

    private static int IndexOfEnd(byte[] png)
    {
        int offset = Signature.Length;
        foreach (var (type, data) in Read(png))
        {
            if (type == "IEND")
            {
                return offset;
            }
            offset += 12 + data.Length;
        }
        throw new ArgumentException("not a complete PNG: no IEND chunk", nameof(png));
    }
}
