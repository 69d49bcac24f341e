namespace DreamOmni2.Components.Rendering;

/// <summary>
/// Coalesces render requests so a component re-renders at most once per interval however fast its data changes
/// (steps can finish many times a second); the last request is always honoured.
/// </summary>
public sealed class RenderThrottle(TimeSpan interval, Func<Task> render, TimeProvider clock) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _disposed = new();
    private long _lastRender;
    private bool _scheduled;

    public void Request()
    {
        TimeSpan wait;
        lock (_gate)
        {
            if (_scheduled)
            {
                return;
            }
            _scheduled = true;
            var since = clock.GetElapsedTime(_lastRender);
            wait = _lastRender == 0 || since >= interval ? TimeSpan.Zero : interval - since;
        }
        _ = RenderAfterAsync(wait);
    }

    private async Task RenderAfterAsync(TimeSpan wait)
    {
        try
        {
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, _disposed.Token);
            }
            lock (_gate)
            {
                _scheduled = false;
                _lastRender = clock.GetTimestamp();
            }
            await render();
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
