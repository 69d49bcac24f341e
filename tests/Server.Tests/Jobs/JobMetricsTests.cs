using System.Diagnostics.Metrics;
using DreamOmni2.Contracts;
using DreamOmni2.Engine;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Jobs;
using DreamOmni2.TestSupport;

namespace DreamOmni2.Server.Tests.Jobs;

/// <summary>The playground's meter, as an OpenTelemetry exporter would read it.</summary>
public sealed class JobMetricsTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_job_records_its_wait_its_steps_and_its_outcome_and_the_queue_depth_is_observed()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        var measured = new List<(string Instrument, double Value, string? Outcome)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == JobMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();

        var job = host.Jobs.Submit(LocalUser.Name, Submissions.Of(GenerationMode.Generate, [], "a red circle", steps: 3));
        await host.Jobs.WatchUntilAsync(LocalUser.Name, job.Id, s => s.State.IsFinished());
        listener.RecordObservableInstruments();

        lock (measured)
        {
            Assert.Single(measured, m => m.Instrument == "dreamomni2.job.wait");
            Assert.Equal(3, measured.Count(m => m.Instrument == "dreamomni2.job.step"));
            Assert.Contains(measured, m => m.Instrument == "dreamomni2.job.finished" && m.Outcome == "completed");
            Assert.Contains(measured, m => m.Instrument == "dreamomni2.queue.depth" && m.Value == 0);
        }

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? outcome = null;
            foreach (var tag in tags)
            {
                outcome = tag.Key == "outcome" ? tag.Value as string : outcome;
            }
            lock (measured)
            {
                measured.Add((instrument.Name, value, outcome));
            }
        }
    }

    public void Dispose() => _data.Dispose();
}
