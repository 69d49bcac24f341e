namespace DreamOmni2.Server.Jobs;

/// <summary>A start-up step, before the worker starts: what a stopped server left unfinished goes back in the queue.</summary>
public sealed class JobRecovery(JobDispatcher dispatcher) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        dispatcher.Recover();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
