namespace DreamOmni2.Server.Jobs;

/// <summary>The one worker of the one device (the CPU, or one GPU): runs queued jobs one at a time, in fair order.</summary>
public sealed class JobWorker(JobDispatcher dispatcher, JobRunner runner, ILogger<JobWorker> logger) : BackgroundService
{
    /// <summary>Whether the worker's loop is running (it stops only when the server does, or on a fault).</summary>
    public bool IsAlive => ExecuteTask is { IsCompleted: false };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
