using System.IO.Compression;
using System.Text;

namespace DreamOmni2.Engine.Imaging;

/// <summary>
/// The <c>parameters</c> text chunk A1111 and SwarmUI write into their PNGs: <c>tEXt</c> when the text is Latin-1,
/// else uncompressed UTF-8 <c>iTXt</c>, as Pillow's PngInfo chooses.
/// </summary>
public static class PngParameters
{
    public const string Keyword = "parameters";

    /// <summary>The most a compressed chunk is unpacked to: a settings text is short, and a small chunk can unpack to gigabytes.</summary>
    public const int MaxCompressedTextChars = 1024 * 1024;

    /// <summary>A copy of <paramref name="png"/> carrying <paramref name="text"/> in a chunk inserted before IEND.</summary>
    public static byte[] Write(byte[] png, string text)
    {
        bool latin1 = text.All(ch => ch <= '\u00FF');
        var chunk = new List<byte>(Keyword.Length + text.Length + 8);
        chunk.AddRange(Encoding.Latin1.GetBytes(Keyword));
        chunk.Add(0);
        if (latin1)
        {
            chunk.AddRange(Encoding.Latin1.GetBytes(text));
            return PngChunks.InsertBeforeEnd(png, "tEXt", chunk.ToArray());
        }
        // compression flag 0, method 0, empty language tag, empty translated keyword
        chunk.AddRange([0, 0, 0, 0]);
        chunk.AddRange(Encoding.UTF8.GetBytes(text));
        return PngChunks.InsertBeforeEnd(png, "iTXt", chunk.ToArray());
    }

    /// <summary>
    /// The text of the first <c>parameters</c> chunk (tEXt or iTXt), or null when there is none, or a compressed one is
    /// damaged or unpacks to more than <see cref="MaxCompressedTextChars"/>.
    /// </summary>
    public static string? Read(byte[] png)
    {
        foreach (var (type, memory) in PngChunks.Read(png))
        {
            var data = memory.Span;
            if (!HasKeyword(data))
            {
                continue;
            }
            var rest = data[(data.IndexOf((byte)0) + 1)..];
            switch (type)
            {
                case "tEXt":
                    return Encoding.Latin1.GetString(rest);
                case "iTXt" when ReadInternational(rest) is { } text:
                    return text;
            }
        }
        return null;
    }

    /// <summary>
    /// A copy of <paramref name="png"/> without its <c>parameters</c> chunks (tEXt, zTXt or iTXt), for a download whose
    /// owner chose not to give away how it was made; every other byte is kept as it was, so the pixels are the same.
    /// </summary>
    public static byte[] Remove(byte[] png)
    {
        using var kept = new MemoryStream(png.Length);
        int offset = Math.Min(PngChunks.Signature.Length, png.Length);
        kept.Write(png, 0, offset);
        foreach (var (type, data) in PngChunks.Read(png))
        {
            int size = 12 + data.Length;
            if (!(type is "tEXt" or "zTXt" or "iTXt" && HasKeyword(data.Span)))
            {
                kept.Write(png, offset, size);
            }
            offset += size;
        }
        // Whatever follows IEND (or a chunk that could not be read) is copied as it is.
        kept.Write(png, offset, png.Length - offset);
        return kept.ToArray();
    }

    /// <summary>Whether a text chunk's data starts with the <c>parameters</c> keyword and its terminating zero.</summary>
    private static bool HasKeyword(ReadOnlySpan<byte> data)
    {
        int keywordEnd = data.IndexOf((byte)0);
        return keywordEnd >= 0 && data[..keywordEnd].SequenceEqual(Encoding.Latin1.GetBytes(Keyword));
    }

    /// <summary>iTXt after the keyword: compression flag, method, language tag\0, translated keyword\0, UTF-8 text.</summary>
    private static string? ReadInternational(ReadOnlySpan<byte> rest)
    {
        if (rest.Length < 2)
        {
            return null;
        }
        bool compressed = rest[0] == 1;
        var afterFlags = rest[2..];
        int languageEnd = afterFlags.IndexOf((byte)0);
        if (languageEnd < 0)
        {
            return null;
        }
        var afterLanguage = afterFlags[(languageEnd + 1)..];
        int translatedEnd = afterLanguage.IndexOf((byte)0);
        if (translatedEnd < 0)
        {
            return null;
        }
        var text = afterLanguage[(translatedEnd + 1)..];
        if (!compressed)
        {
            return Encoding.UTF8.GetString(text);
        }
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(text.ToArray()), CompressionMode.Decompress);
            using var reader = new StreamReader(zlib, Encoding.UTF8);
            var buffer = new char[MaxCompressedTextChars + 1];
            int read = reader.ReadBlock(buffer, 0, buffer.Length);
            return read <= MaxCompressedTextChars ? new string(buffer, 0, read) : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
