namespace DreamOmni2.Server.Jobs;

/// <summary>A start-up step, before the worker starts: what a stopped server left unfinished goes back in the queue.</summary>
/// <remarks>With a shared queue there is nothing to recover: a job whose worker stopped is queued again when its lease expires.</remarks>
public sealed class JobRecovery(JobDispatcher dispatcher, Microsoft.Extensions.Options.IOptions<Configuration.PlaygroundOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SharedQueue)
        {
            dispatcher.Recover();
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
