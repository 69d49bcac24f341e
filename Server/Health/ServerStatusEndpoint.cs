using System.Diagnostics;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Jobs;

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
        app.MapGet(Path, (HttpContext context, JobBoard board) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            using var process = Process.GetCurrentProcess();
            var (queued, running) = board.Counts();
            return Results.Json(new ServerStatus(process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false), queued, running), JobJson.Options);
        }).RequireAuthorization(Roles.AdminPolicy).DisableHttpMetrics();
}
