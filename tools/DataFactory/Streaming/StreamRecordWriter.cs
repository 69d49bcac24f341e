using System.Buffers.Binary;
using System.Text;
using DreamOmni2.DataFactory.Tasks;

namespace DreamOmni2.DataFactory.Streaming;

/// <summary>Writes samples as <see cref="StreamRecordFormat"/> records.</summary>
public static class StreamRecordWriter
{
    public static void Write(Stream stream, Sample sample)
    {
        Span<byte> header = stackalloc byte[StreamRecordFormat.HeaderLength];
        var prompt = Encoding.UTF8.GetBytes(sample.Prompt);
        StreamRecordFormat.Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], unchecked((int)sample.Index));
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], (int)sample.Task);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], sample.Inputs.Count);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], prompt.Length);
        stream.Write(header);
        stream.Write(prompt);
        foreach (var input in sample.Inputs)
        {
            stream.Write(input.Rgb);
        }
        stream.Write(sample.Target.Rgb);
    }
}
