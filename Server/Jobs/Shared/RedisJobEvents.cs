using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using DreamOmni2.Contracts;
using StackExchange.Redis;

namespace DreamOmni2.Server.Jobs.Shared;

/// <summary>
/// Job events between processes over Redis pub/sub. A change is sent from a background loop, newest state only and at
/// most <see cref="MaxRate"/> times a second: the worker never waits on Redis or on JPEG encoding, and a job whose
/// steps are faster than that skips to its newest frame, as a slow viewer does in one process.
/// </summary>
public sealed class RedisJobEvents : IJobEvents, IAsyncDisposable
{
    public static readonly RedisChannel JobsChannel = RedisChannel.Literal("dreamomni2:jobs");
    public static readonly RedisChannel CancelChannel = RedisChannel.Literal("dreamomni2:cancel");
    public static readonly RedisChannel QueuedChannel = RedisChannel.Literal("dreamomni2:queued");

    /// <summary>Sends a second: faster than a viewer can follow, slow enough that encoding and sending frames stays cheap.</summary>
    public const int MaxRate = 25;

    private readonly IConnectionMultiplexer _redis;
    private readonly ConcurrentDictionary<string, LiveJob> _pending = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopped = new();
    private readonly Task _sending;
    private readonly ILogger<RedisJobEvents> _logger;
    private int _disposed;

    public RedisJobEvents(IConnectionMultiplexer redis, ILogger<RedisJobEvents> logger)
    {
        _redis = redis;
        _logger = logger;
        _sending = Task.Run(SendAsync);
    }

    /// <summary>This process, as its events name it.</summary>
    public string Node { get; } = Guid.NewGuid().ToString("N")[..12];

    public void Changed(LiveJob job)
    {
        _pending[job.Id] = job;
        _wake.Writer.TryWrite(true);
    }

    public Task CancelAsync(CancelRequest request) =>
        _redis.GetSubscriber().PublishAsync(CancelChannel, JsonSerializer.Serialize(request, JobJson.Options));

    public Task QueuedAsync() => _redis.GetSubscriber().PublishAsync(QueuedChannel, Node);

    /// <summary>
    /// Hands every other process's job events, one at a time in the order they were sent, and every cancel and queued
    /// signal to the callbacks.
    /// </summary>
    public async Task SubscribeAsync(Action<JobEvent> job, Action<CancelRequest> cancel, Action queued)
    {
        var subscriber = _redis.GetSubscriber();
        // A queue, not a handler: handlers may run at once and out of order, and a job's older step must never land
        // on a newer one.
        var jobs = await subscriber.SubscribeAsync(JobsChannel);
        jobs.OnMessage(message =>
        {
            // The queue swallows what a handler throws: say so, or a front end would go quiet without a word.
            try
            {
                if (JsonSerializer.Deserialize<JobEvent>(message.Message.ToString(), JobJson.Options) is { } received && received.Node != Node)
                {
                    job(received);
                }
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "A job update from another process could not be applied");
            }
        });
        await subscriber.SubscribeAsync(CancelChannel, (_, message) =>
        {
            if (JsonSerializer.Deserialize<CancelRequest>(message.ToString(), JobJson.Options) is { } request)
            {
                cancel(request);
            }
        });
        await subscriber.SubscribeAsync(QueuedChannel, (_, _) => queued());
    }

    private async Task SendAsync()
    {
        var subscriber = _redis.GetSubscriber();
        try
        {
            while (await _wake.Reader.WaitToReadAsync(_stopped.Token))
            {
                _wake.Reader.TryRead(out _);
                foreach (string id in _pending.Keys)
                {
                    if (!_pending.TryRemove(id, out var job))
                    {
                        continue;
                    }
                    try
                    {
                        await subscriber.PublishAsync(JobsChannel, JsonSerializer.Serialize(EventOf(job), JobJson.Options));
                    }
                    catch (RedisException e)
                    {
                        _logger.LogWarning("Could not send job {Job}'s update to the other processes: {Reason}", id, e.Message);
                    }
                }
                await Task.Delay(TimeSpan.FromSeconds(1.0 / MaxRate), _stopped.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private JobEvent EventOf(LiveJob job)
    {
        var snapshot = job.Snapshot(null);
        var preview = job.Preview;
        return new JobEvent(Node, snapshot.Record, snapshot.Step, snapshot.Steps, snapshot.SecondsLeft,
            preview?.Step ?? 0, preview?.Jpeg, preview?.StepEndedUnixMilliseconds ?? 0);
    }

    public async ValueTask DisposeAsync()
    {
        // Registered as itself and as IJobEvents, it is handed to disposal twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _stopped.CancelAsync();
        await _sending;
        _stopped.Dispose();
    }
}
