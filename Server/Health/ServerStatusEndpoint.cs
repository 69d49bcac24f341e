using System.Diagnostics;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Storage;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Health;

/// <summary>
/// <c>GET /api/server</c>: the process's memory and the queue's size now, for admins only (the figures describe the
/// whole server and everyone's load, which no single user should see). A load test samples it to show memory before,
/// at peak and after.
/// </summary>
public static class ServerStatusEndpoint
{
    public const string Path = "/api/server";

    public static void MapServerStatus(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, (HttpContext context, JobBoard board, WorkerRegistry workers, IOptions<PlaygroundOptions> options) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            using var process = Process.GetCurrentProcess();
            var (queued, running) = board.Counts();
            var seen = options.Value.SharedQueue ? workers.Seen(TimeSpan.FromMinutes(1)) : [];
            return Results.Json(new ServerStatus(process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false), queued, running, seen), JobJson.Options);
        }).RequireAuthorization(Roles.AdminPolicy).DisableHttpMetrics();
}
