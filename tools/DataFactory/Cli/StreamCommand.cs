using DreamOmni2.DataFactory.Streaming;
using DreamOmni2.DataFactory.Tasks;
using Microsoft.Win32.SafeHandles;

namespace DreamOmni2.DataFactory.Cli;

/// <summary>
/// Writes training samples start, start+stride, start+2·stride, … to stdout as stream records until done or the reader
/// leaves. A stride of K lets K factory processes started at S, S+1, …, S+K−1 share one stream's work; the reader
/// takes a record from each in turn to get back S, S+1, S+2, … in order.
/// </summary>
public static class StreamCommand
{
    public const int BufferBytes = 1 << 20;

    /// <summary>errno of a write to a pipe nobody reads any more, which .NET reports as the IOException's HResult.</summary>
    private const int BrokenPipe = 32;

    public static void Run(long start, long? count, long stride)
    {
        if (stride < 1)
        {
            throw new UsageException($"--stride must be at least 1, got {stride}");
        }
        // Standard output as a plain file: Console's own stream pretends writes to a closed pipe succeed.
        var stdout = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        // Not disposed when the reader has gone: disposing flushes, and the flush would fail on the closed pipe again.
#pragma warning disable CA2000
        var buffered = new BufferedStream(stdout, BufferBytes);
#pragma warning restore CA2000
        try
        {
            Write(buffered, start, count, stride);
            buffered.Dispose();
        }
        catch (IOException error) when (error.HResult == BrokenPipe)
        {
            // The reader closed the pipe: it has what it wanted, and what is still buffered has nowhere to go.
        }
    }

    /// <summary>Writes the records of the count samples start, start+stride, … (or on forever).</summary>
    public static void Write(Stream stream, long start, long? count, long stride = 1)
    {
        var end = count ?? long.MaxValue;
        for (long written = 0; written < end; written++)
        {
            StreamRecordWriter.Write(stream, ShapeWorldFactory.Create(start + written * stride));
        }
    }
}
