using DreamOmni2.Server.Jobs;
using OpenTelemetry.Metrics;

namespace DreamOmni2.Server.Telemetry;

/// <summary>
/// Exports the playground's metrics (see <see cref="JobMetrics"/>) and ASP.NET Core's own over OTLP, when an
/// endpoint is configured the standard way (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>); without one nothing is exported.
/// </summary>
public static class PlaygroundTelemetry
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddPlaygroundTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[EndpointKey]))
        {
            return services;
        }
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(JobMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections")
            .AddOtlpExporter());
        return services;
    }
}
