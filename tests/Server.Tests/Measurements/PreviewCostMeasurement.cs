using DreamOmni2.Contracts;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Jobs;
using DreamOmni2.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DreamOmni2.Server.Tests.Measurements;

/// <summary>
/// What step previews cost a job: the same request with previews on and off, alternated so that load on the machine
/// falls on both alike, timed from the worker taking the job to its result being stored (preview rendering, JPEG
/// encoding and publishing included). Runs on the default pack (packs/tiny, else packs/fixture).
/// </summary>
public sealed class PreviewCostMeasurement(ITestOutputHelper output) : IDisposable
{
    private const int Runs = 30;
    private const int Steps = 30;
    private readonly TempFolder _data = new();

    [MeasurementFact]
    public async Task Previews_add_little_to_a_jobs_time()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?>
        {
            ["Playground:PackPath"] = "",
            // Two jobs a run, back to back: far more than a person submits in a minute.
            ["Playground:RateLimits:SubmitsPerMinute"] = "1000",
        });
        string pack = host.Services.GetRequiredService<PlaygroundEngine>().Pack.Name;
        var first = await host.UploadAsync(TestImages.Png(128, 128, 1));
        var second = await host.UploadAsync(TestImages.Png(128, 128, 2));
        var on = new List<JobTimings>();
        var off = new List<JobTimings>();

        for (int run = -1; run < Runs; run++)
        {
            foreach (bool previews in new[] { true, false })
            {
                var job = host.Jobs.Submit(LocalUser.Name, new JobSubmission(
                    [first.Hash, second.Hash],
                    new GenerationRequest { Mode = GenerationMode.Edit, Instruction = "make image 1 look like image 2", Seed = 7, Steps = Steps, Previews = previews }));
                var done = await host.Jobs.WatchUntilAsync(LocalUser.Name, job.Id, s => s.State.IsFinished());
                if (run >= 0)
                {
                    (previews ? on : off).Add(done.Record.Outcome.Timings!);
                }
            }
        }

        double wallOn = Median(on, t => t.WallMilliseconds), wallOff = Median(off, t => t.WallMilliseconds);
        // Outside the transformer the step is the Euler update plus, when on, the preview: its difference is the
        // preview's own cost, free of the noise that other work on the machine puts into the model's time.
        double restOn = Median(on, t => t.DenoiseMilliseconds - t.OnnxDenoiseMilliseconds);
        double restOff = Median(off, t => t.DenoiseMilliseconds - t.OnnxDenoiseMilliseconds);
        output.WriteLine(
            $"pack {pack}, {Steps} steps, {Runs} runs each (medians): job wall time previews on {wallOn:0.0} ms, off {wallOff:0.0} ms " +
            $"({100 * (wallOn - wallOff) / wallOff:+0.0;-0.0}%); preview work {(restOn - restOff) / Steps:0.000} ms a step = " +
            $"{100 * (restOn - restOff) / wallOff:0.0}% of the job");
    }

    private static double Median(List<JobTimings> timings, Func<JobTimings, double> of) => timings.Select(of).Order().ElementAt(timings.Count / 2);

    public void Dispose() => _data.Dispose();
}
