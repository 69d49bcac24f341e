using System.Diagnostics;

namespace DreamOmni2.DataFactory.Cli;

/// <summary>Measures what <c>stream</c> sustains on one core: samples made and serialized per second.</summary>
public static class BenchCommand
{
    public static void Run(long start, long count)
    {
        StreamCommand.Write(Stream.Null, start, Math.Min(count, 500));
        using var sink = new CountingStream();
        var clock = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        StreamCommand.Write(sink, start, count);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine(
            $"{count} samples in {seconds:F2} s: {count / seconds:F0} samples/s, {sink.Length / seconds / 1e6:F0} MB/s, " +
            $"{cpuSeconds / seconds:F2} cores busy");
    }

    /// <summary>A stream that only counts what is written to it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
