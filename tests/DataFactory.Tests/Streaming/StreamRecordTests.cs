using System.Diagnostics;
using DreamOmni2.DataFactory.Cli;
using DreamOmni2.DataFactory.Tasks;

namespace DreamOmni2.DataFactory.Tests.Streaming;

public sealed class StreamRecordTests
{
    [Fact]
    public void Records_round_trip_to_the_samples_they_were_written_from()
    {
        const long start = 4_242;
        using var stream = new MemoryStream();
        StreamCommand.Write(stream, start, 60);
        stream.Position = 0;

        for (var index = start; index < start + 60; index++)
        {
            var record = StreamRecordReader.Read(stream);
            var sample = ShapeWorldFactory.Create(index);

            Assert.NotNull(record);
            Assert.Equal((int)index, record.Index);
            Assert.Equal((int)sample.Task, record.Task);
            Assert.Equal(sample.Prompt, record.Prompt);
            Assert.Equal(sample.Inputs.Select(input => input.Rgb).Append(sample.Target.Rgb), record.Images);
        }
        Assert.Null(StreamRecordReader.Read(stream));
    }

    [Fact]
    public void Strided_streams_taken_in_turn_are_the_single_stream()
    {
        const long start = 777;
        const int stride = 3;
        var single = Records(start, 20 * stride, 1);
        var strided = Enumerable.Range(0, stride).Select(j => Records(start + j, 20, stride)).ToArray();

        Assert.Equal(Enumerable.Range(0, 20 * stride).Select(i => (int)start + i), single.Select(record => record.Index));
        for (var i = 0; i < single.Count; i++)
        {
            var expected = single[i];
            var actual = strided[i % stride][i / stride];
            Assert.Equal(expected.Index, actual.Index);
            Assert.Equal(expected.Task, actual.Task);
            Assert.Equal(expected.Prompt, actual.Prompt);
            Assert.Equal(expected.Images, actual.Images);
        }
        Assert.All(strided, records => Assert.Equal(20, records.Count));
    }

    [Fact]
    public void The_stream_command_takes_a_stride_and_refuses_one_below_1()
    {
        using (var strided = StartFactory("stream --start 10 --count 3 --stride 4"))
        {
            var indices = new List<int>();
            while (StreamRecordReader.Read(strided.StandardOutput.BaseStream) is { } record)
            {
                indices.Add(record.Index);
            }
            strided.WaitForExit();

            Assert.Equal([10, 14, 18], indices);
            Assert.Equal(0, strided.ExitCode);
        }

        using var refused = StartFactory("stream --start 10 --count 3 --stride 0");
        refused.WaitForExit();

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--stride must be at least 1", refused.StandardError.ReadToEnd());
    }

    [Fact]
    public void The_stream_command_writes_records_to_stdout_and_stops_quietly_when_the_reader_leaves()
    {
        using (var counted = StartFactory("stream --start 10 --count 3"))
        {
            var stdout = counted.StandardOutput.BaseStream;
            var indices = new List<int>();
            while (StreamRecordReader.Read(stdout) is { } record)
            {
                indices.Add(record.Index);
            }
            counted.WaitForExit();

            Assert.Equal([10, 11, 12], indices);
            Assert.Equal(0, counted.ExitCode);
        }

        using var endless = StartFactory("stream --start 0");
        Assert.NotNull(StreamRecordReader.Read(endless.StandardOutput.BaseStream));
        endless.StandardOutput.Close();

        Assert.True(endless.WaitForExit(20_000), "the stream should end when its reader closes the pipe");
        Assert.Equal(0, endless.ExitCode);
        Assert.Equal("", endless.StandardError.ReadToEnd());
    }

    [Fact]
    public void The_stream_command_refuses_a_held_out_start()
    {
        using var refused = StartFactory($"stream --start {ShapeWorldFactory.HeldOutStart} --count 1");
        refused.WaitForExit();

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("held out", refused.StandardError.ReadToEnd());
    }

    private static List<StreamRecordReader.Record> Records(long start, long count, long stride)
    {
        using var stream = new MemoryStream();
        StreamCommand.Write(stream, start, count, stride);
        stream.Position = 0;
        var records = new List<StreamRecordReader.Record>();
        while (StreamRecordReader.Read(stream) is { } record)
        {
            records.Add(record);
        }
        return records;
    }

    private static Process StartFactory(string arguments)
    {
        var factory = Path.Combine(AppContext.BaseDirectory, "DreamOmni2.DataFactory.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{factory}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the data factory");
    }
}
