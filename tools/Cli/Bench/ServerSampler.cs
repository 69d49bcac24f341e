using DreamOmni2.Client;
using DreamOmni2.Contracts;

namespace DreamOmni2.Cli.Bench;

/// <summary>The server's memory and queue before a load, at their highest during it, and after it settled.</summary>
/// <param name="Peak">The highest of each figure over the samples, each at its own moment (the working set's peak and the heap's need not coincide).</param>
internal sealed record ServerSamples(ServerStatus Before, ServerStatus Peak, ServerStatus After, int Count);

/// <summary>
/// Samples <c>GET /api/server</c> while a load runs. Only an admin may read it: for anyone else the sampler says so
/// once (<see cref="Available"/> false) and the load goes on without memory figures.
/// </summary>
internal sealed class ServerSampler(PlaygroundClient client)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private ServerStatus? _before;
    private ServerStatus? _peak;
    private int _count;

    /// <summary>False once the server refused the status to this token.</summary>
    public bool Available { get; private set; } = true;

    public async Task SampleBeforeAsync(CancellationToken ct) => _before = await SampleAsync(ct);

    /// <summary>Samples every <see cref="Interval"/> until <paramref name="stop"/> is cancelled.</summary>
    public async Task SampleDuringAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                await SampleAsync(stop);
            }
            while (Available && await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>The figures, once the last sample is taken; null when the server would not tell.</summary>
    public async Task<ServerSamples?> SampleAfterAsync(CancellationToken ct) =>
        await SampleAsync(ct) is { } after && _before is { } before && _peak is { } peak ? new ServerSamples(before, peak, after, _count) : null;

    private async Task<ServerStatus?> SampleAsync(CancellationToken ct)
    {
        if (!Available)
        {
            return null;
        }
        ServerStatus status;
        try
        {
            status = await client.GetServerStatusAsync(ct);
        }
        catch (PlaygroundRequestException e) when (e.StatusCode is 401 or 403)
        {
            Available = false;
            return null;
        }
        _count++;
        _peak = _peak is null ? status : new ServerStatus(
            Math.Max(_peak.WorkingSetBytes, status.WorkingSetBytes), Math.Max(_peak.ManagedHeapBytes, status.ManagedHeapBytes),
            Math.Max(_peak.Queued, status.Queued), Math.Max(_peak.Running, status.Running));
        return status;
    }
}
