using DreamOmni2.DataFactory.Streaming;
using DreamOmni2.DataFactory.Tasks;
using Microsoft.Win32.SafeHandles;

namespace DreamOmni2.DataFactory.Cli;

/// <summary>Writes training samples start, start+1, … to stdout as stream records until done or the reader leaves.</summary>
public static class StreamCommand
{
    public const int BufferBytes = 1 << 20;

    /// <summary>errno of a write to a pipe nobody reads any more, which .NET reports as the IOException's HResult.</summary>
    private const int BrokenPipe = 32;

    public static void Run(long start, long? count)
    {
        // Standard output as a plain file: Console's own stream pretends writes to a closed pipe succeed.
        var stdout = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        // Not disposed when the reader has gone: disposing flushes, and the flush would fail on the closed pipe again.
#pragma warning disable CA2000
        var buffered = new BufferedStream(stdout, BufferBytes);
#pragma warning restore CA2000
        try
        {
            Write(buffered, start, count);
            buffered.Dispose();
        }
        catch (IOException error) when (error.HResult == BrokenPipe)
        {
            // The reader closed the pipe: it has what it wanted, and what is still buffered has nowhere to go.
        }
    }

    /// <summary>Writes the records of samples start .. start+count−1 (or on forever).</summary>
    public static void Write(Stream stream, long start, long? count)
    {
        var end = count is { } n ? start + n : long.MaxValue;
        for (var index = start; index < end; index++)
        {
            StreamRecordWriter.Write(stream, ShapeWorldFactory.Create(index));
        }
    }
}
