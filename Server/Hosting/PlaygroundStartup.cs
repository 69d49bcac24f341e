using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Storage;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Hosting;

/// <summary>
/// The first start-up step: loads the pack and adds the configured accounts before the server listens, so a broken pack or
/// configuration stops it with one clear line (see Program) instead of failing the first request.
/// </summary>
public sealed class PlaygroundStartup(IServiceProvider services, IOptions<PlaygroundOptions> options, ILogger<PlaygroundStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Role != PlaygroundRole.All && !options.Value.SharedQueue)
        {
            throw new InvalidOperationException(
                $"a {options.Value.Role.ToString().ToLowerInvariant()} process shares its jobs through Redis and the store: set {PlaygroundOptions.Section}:Redis (and {PlaygroundOptions.Section}:Postgres for several machines)");
        }
        var engine = services.GetRequiredService<PlaygroundEngine>();
        logger.LogInformation("Pack '{Pack}' on {Provider}; {Mode} mode; {Role}; store: {Store}", engine.Pack.Name, engine.ProviderName,
            options.Value.Hosted ? "hosted" : "local", options.Value.SharedQueue ? $"{options.Value.Role} process on the shared queue" : "one process",
            services.GetRequiredService<PlaygroundDatabase>().Dialect.Name);
        HostedUsers.Seed(options.Value, services.GetRequiredService<UserAccounts>(), logger);
        var ownership = services.GetRequiredService<FileOwnership>();
        if (ownership.MeasureUnsized(services.GetRequiredService<ContentStore>()) is > 0 and var measured)
        {
            logger.LogInformation("Measured {Count} stored files kept before sizes were recorded", measured);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
