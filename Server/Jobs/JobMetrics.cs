using System.Diagnostics.Metrics;
using DreamOmni2.Contracts;

namespace DreamOmni2.Server.Jobs;

/// <summary>
/// The playground's own metrics, on the <see cref="MeterName"/> meter: queue depth, how long jobs wait, how long a
/// denoising step takes, and jobs by how they ended. Exported with OpenTelemetry when an OTLP endpoint is configured.
/// </summary>
public sealed class JobMetrics
{
    public const string MeterName = "DreamOmni2.Playground";

    private readonly Meter _meter;
    private readonly Histogram<double> _wait;
    private readonly Histogram<double> _step;
    private readonly Counter<long> _finished;

    public JobMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _wait = _meter.CreateHistogram<double>("dreamomni2.job.wait", "s", "Time from submission to the worker taking the job");
        _step = _meter.CreateHistogram<double>("dreamomni2.job.step", "ms", "Time of one denoising step, previews included");
        _finished = _meter.CreateCounter<long>("dreamomni2.job.finished", "{job}", "Jobs that ended, by outcome");
    }

    /// <summary>Reports the number of queued jobs whenever metrics are collected.</summary>
    public void ObserveQueue(Func<int> depth) =>
        _meter.CreateObservableGauge("dreamomni2.queue.depth", depth, "{job}", "Jobs waiting for the worker");

    public void Waited(TimeSpan wait) => _wait.Record(wait.TotalSeconds);

    public void Stepped(TimeSpan step) => _step.Record(step.TotalMilliseconds);

    public void Finished(JobState state) => _finished.Add(1, new KeyValuePair<string, object?>("outcome", state.ToString().ToLowerInvariant()));
}
