using System.Text.Json;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DreamOmni2.Server.Health;

/// <summary>
/// <c>/healthz</c>, for a container's HEALTHCHECK or a load balancer: 200 when the pack is loaded, the database takes
/// writes and the worker is alive, 503 otherwise, with a small JSON body saying which. Anonymous, and it names no user.
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/healthz";

    public static IServiceCollection AddPlaygroundHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<PackHealth>("pack")
            .AddCheck<DatabaseHealth>("database")
            .AddCheck<WorkerHealth>("worker");
        return services;
    }

    public static void MapPlaygroundHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous().DisableHttpMetrics();

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var engine = context.RequestServices.GetRequiredService<PlaygroundEngine>();
        var body = new
        {
            status = report.Status == HealthStatus.Healthy ? "healthy" : "unhealthy",
            pack = engine.Pack.Name,
            provider = engine.ProviderName,
            queued = context.RequestServices.GetRequiredService<JobService>().QueueDepth,
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), detail = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JobJson.Options));
    }

    private sealed class PackHealth(PlaygroundEngine engine) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) =>
            Task.FromResult(HealthCheckResult.Healthy($"'{engine.Pack.Name}' loaded on {engine.ProviderName}"));
    }

    private sealed class DatabaseHealth(PlaygroundDatabase database) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            try
            {
                database.Execute("DELETE FROM sessions WHERE id = ''");
                return Task.FromResult(HealthCheckResult.Healthy());
            }
            catch (Exception e)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy($"the database does not take writes: {e.Message}"));
            }
        }
    }

    private sealed class WorkerHealth(JobWorker worker) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) =>
            Task.FromResult(!worker.Enabled ? HealthCheckResult.Healthy("jobs run in worker processes")
                : worker.IsAlive ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("the job worker has stopped"));
    }
}
