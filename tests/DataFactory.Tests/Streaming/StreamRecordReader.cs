using System.Buffers.Binary;
using System.Text;
using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.DataFactory.Streaming;

namespace DreamOmni2.DataFactory.Tests.Streaming;

/// <summary>Reads stream records the way the trainer does, from the documented layout alone.</summary>
internal static class StreamRecordReader
{
    public sealed record Record(int Index, int Task, string Prompt, byte[][] Images);

    /// <summary>The next record, or null at a clean end of the stream.</summary>
    public static Record? Read(Stream stream)
    {
        var header = new byte[StreamRecordFormat.HeaderLength];
        var got = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (got == 0)
        {
            return null;
        }
        Assert.Equal(header.Length, got);
        Assert.Equal("DOS1"u8.ToArray(), header[..4]);
        var index = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4));
        var task = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8));
        var imageCount = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12));
        var promptLength = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(16));
        Assert.InRange(task, 0, 3);
        Assert.InRange(imageCount, 0, 4);

        var prompt = new byte[promptLength];
        stream.ReadExactly(prompt);
        var images = new byte[imageCount + 1][];
        for (var i = 0; i < images.Length; i++)
        {
            images[i] = new byte[SceneRenderer.RgbLength];
            stream.ReadExactly(images[i]);
        }
        return new Record(index, task, Encoding.UTF8.GetString(prompt), images);
    }
}
