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
