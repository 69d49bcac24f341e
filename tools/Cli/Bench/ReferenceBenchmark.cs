using System.Diagnostics;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Pipeline;
using DreamOmni2.Engine.Runtime;

namespace DreamOmni2.Cli.Bench;

/// <summary>One way of making the image: the engine on some threads, or the reference in some precision.</summary>
internal sealed record ReferenceRunner(string Name, int Threads, Func<(byte[] Rgb, double Ms)> Run);

/// <summary>A runner's median time per image and how far its pixels are from the first runner's (the engine's).</summary>
internal sealed record ReferenceRow(string Name, int Threads, double MsPerImage, PixelDifference Pixels);

/// <summary>
/// Makes the same image with every runner, round after round in one interleaved run, so that whatever else the machine
/// does weighs on all of them alike; one uncounted warm-up image each first.
/// </summary>
internal static class ReferenceBenchmark
{
    public static List<ReferenceRow> Measure(IReadOnlyList<ReferenceRunner> runners, int rounds)
    {
        var pixels = runners.Select(runner => runner.Run().Rgb).ToList();
        var times = runners.Select(_ => new List<double>()).ToList();
        for (int round = 0; round < rounds; round++)
        {
            for (int r = 0; r < runners.Count; r++)
            {
                times[r].Add(runners[r].Run().Ms);
            }
        }
        return runners.Select((runner, r) =>
        {
            var difference = PixelDifference.Between(pixels[0], pixels[r]);
            return new ReferenceRow(runner.Name, runner.Threads, Medians.Of(times[r]), difference);
        }).ToList();
    }

    /// <summary>The engine's whole job, from the request's encoded images to the decoded pixels.</summary>
    public static (byte[] Rgb, double Ms) RunEngine(PackSessions sessions, PipelineInput input)
    {
        long start = Stopwatch.GetTimestamp();
        using var job = KontextJob.Prepare(sessions, input, CancellationToken.None);
        while (!job.IsDenoised)
        {
            job.Step(CancellationToken.None);
        }
        DecodedImage image = job.Decode(CancellationToken.None);
        return (image.Rgb, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
}
