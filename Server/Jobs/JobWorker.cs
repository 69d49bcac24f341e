using DreamOmni2.Server.Configuration;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Jobs;

/// <summary>The one worker of this process's device (the CPU, or one GPU): runs queued jobs one at a time, in fair order.</summary>
/// <remarks>A web-only process (<see cref="PlaygroundRole.Web"/>) runs no worker: its jobs run in worker processes.</remarks>
public sealed class JobWorker(IJobSource dispatcher, JobRunner runner, IOptions<PlaygroundOptions> options, ILogger<JobWorker> logger) : BackgroundService
{
    /// <summary>Whether this process runs jobs at all.</summary>
    public bool Enabled => options.Value.Role != PlaygroundRole.Web;

    /// <summary>Whether the worker's loop is running (it stops only when the server does, or on a fault).</summary>
    public bool IsAlive => ExecuteTask is { IsCompleted: false };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            LiveJob job;
            try
            {
                job = await dispatcher.NextAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await runner.RunAsync(job, stoppingToken);
        }
        logger.LogInformation("Job worker stopped");
    }
}
