using System.Text.Json;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Jobs.Shared;
using DreamOmni2.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace DreamOmni2.Server.Tests.Jobs;

/// <summary>Job events crossing between processes over the test Redis.</summary>
public sealed class RedisJobEventsTests
{
    [ScaleOutFact]
    public async Task A_burst_of_one_jobs_events_reaches_the_other_process_in_the_order_it_was_sent()
    {
        const int Events = 400;
        using var redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.Server!);
        await using var receiver = new RedisJobEvents(redis, NullLogger<RedisJobEvents>.Instance);
        var steps = new List<int>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await receiver.SubscribeAsync(change =>
        {
            // A little work per event, as applying a frame takes: handlers run at once would overtake each other.
            Thread.SpinWait(Random.Shared.Next(20_000));
            lock (steps)
            {
                steps.Add(change.Step);
                if (steps.Count == Events)
                {
                    all.SetResult();
                }
            }
        }, _ => { }, () => { });

        var job = Job();
        var sender = redis.GetSubscriber();
        var sent = Enumerable.Range(1, Events)
            .Select(step => sender.PublishAsync(RedisJobEvents.JobsChannel,
                JsonSerializer.Serialize(new JobEvent("another-process", job, step, Events, null, 0, null, 0), JobJson.Options)))
            .ToList();
        await Task.WhenAll(sent);
        await all.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(Enumerable.Range(1, Events), steps);
    }

    [ScaleOutFact]
    public async Task An_update_that_cannot_be_read_is_logged_and_the_next_ones_still_arrive()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.Server!);
        using var logs = new CapturedLogs();
        await using var receiver = new RedisJobEvents(redis, new Logger<RedisJobEvents>(new LoggerFactory([logs])));
        var arrived = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        await receiver.SubscribeAsync(change => arrived.TrySetResult(change.Step), _ => { }, () => { });

        var sender = redis.GetSubscriber();
        await sender.PublishAsync(RedisJobEvents.JobsChannel, "{\"node\": 42");
        await sender.PublishAsync(RedisJobEvents.JobsChannel, JsonSerializer.Serialize(new JobEvent("another-process", Job(), 7, 10, null, 0, null, 0), JobJson.Options));

        Assert.Equal(7, await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message == "A job update from another process could not be applied" && e.Exception is JsonException);
    }

    private static JobRecord Job()
    {
        var settings = new GenerationSettings(GenerationMode.Generate, "a red circle", "a red circle", 1, false, 4, 2.5f, EncodingScheme.Both, null, true);
        return new JobRecord(JobRecord.NewId(), "ann", DateTimeOffset.UtcNow, JobState.Running, new JobSpec([], settings, null, null, null), JobOutcome.None);
    }
}
