using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Refusals;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Security;

/// <summary>
/// Refuses requests another site's page makes in the user's name: a state change (any method but GET, HEAD and
/// OPTIONS) or a connection to the hub or the Blazor circuit whose <c>Origin</c> is not this server's own (or one
/// configured in <c>Playground:AllowedOrigins</c>). Browsers always send <c>Origin</c> on such requests; programs
/// that send none (the CLI, the .NET client) are not browsers carrying someone's cookie, so they pass.
/// </summary>
public sealed class OriginCheck(RequestDelegate next, IOptionsMonitor<PlaygroundOptions> options, ILogger<OriginCheck> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (Guarded(context.Request) && Foreign(context.Request) is { } origin)
        {
            logger.LogInformation("Refused {Method} {Path} from origin {Origin}", context.Request.Method, context.Request.Path, origin);
            await ProblemResponses.Refusal(StatusCodes.Status403Forbidden,
                    $"requests from {origin} are refused: this server takes changes only from its own pages — open it at its own address")
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool Guarded(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        || request.Headers.Upgrade.Count > 0
        || request.Path.StartsWithSegments("/_blazor")
        || request.Path.StartsWithSegments(Api.JobsHub.Path);

    /// <summary>The foreign origin the request comes from; null when it is this server's own, an allowed one, or none.</summary>
    private string? Foreign(HttpRequest request)
    {
        string origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return request.Headers["Sec-Fetch-Site"] == "cross-site" ? "another site" : null;
        }
        string own = $"{request.Scheme}://{request.Host.Value}";
        if (string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || options.CurrentValue.AllowedOrigins.Any(allowed => string.Equals(origin, allowed.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        return origin.Length > 100 ? origin[..100] : origin;
    }
}
