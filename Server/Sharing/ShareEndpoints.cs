using DreamOmni2.Engine.Imaging;
using DreamOmni2.Server.Security;
using DreamOmni2.Server.Storage;
using DreamOmni2.Translation;

namespace DreamOmni2.Server.Sharing;

/// <summary>
/// The addresses behind a share link, open to anyone who has it: the page, its results and (when shown) its inputs.
/// They are the only anonymous addresses that read a user's files, so they read only what the link names, answer
/// every link that does not open with the same bytes, are rate-limited per client address, and are never cached, so
/// a revoked link stops working at once.
/// </summary>
public static class ShareEndpoints
{
    /// <summary>The body of an image address's 404: fixed, with no trace id, so no two failures can be told apart.</summary>
    public const string NotFoundProblem =
        """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not found","status":404,"detail":"no such link: it may have been revoked, or have expired"}""";

    public static void MapShareLinks(this IEndpointRouteBuilder app)
    {
        var shares = app.MapGroup(ShareLink.PathPrefix).AllowAnonymous().RequireRateLimiting(PlaygroundSecurity.ShareViewPolicy);

        shares.MapGet("/{token}", (string token, HttpContext context, ShareService service) =>
        {
            Private(context);
            return service.Open(token) is { } shared
                ? Results.Content(SharePage.Render(shared), "text/html; charset=utf-8")
                : Results.Content(SharePage.NotFound, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        });

        shares.MapGet("/{token}/results/{number:int}.png", (string token, int number, HttpContext context, ShareService service, ContentStore store) =>
        {
            Private(context);
            if (service.Open(token) is not { } shared || shared.Result(number)?.Outcome.ResultHash is not { } hash || !store.Contains(hash))
            {
                return NotFound();
            }
            byte[] png = store.Read(hash);
            return Results.File(shared.Link.KeepParameters ? png : PngParameters.Remove(png), "image/png", $"dreamomni2-shared-{number}.png");
        });

        shares.MapGet("/{token}/inputs/{number:int}", (string token, int number, HttpContext context, ShareService service, ContentStore store) =>
        {
            Private(context);
            if (service.Open(token) is not { } shared || number < 1 || number > shared.Inputs.Count || !store.Contains(shared.Inputs[number - 1].Hash))
            {
                return NotFound();
            }
            byte[] bytes = store.Read(shared.Inputs[number - 1].Hash);
            return Results.Bytes(bytes, TranslationImage.FromEncoded(bytes).ContentType);
        });
    }

    private static IResult NotFound() => Results.Content(NotFoundProblem, "application/problem+json", statusCode: StatusCodes.Status404NotFound);

    /// <summary>Kept out of caches and search engines: what a link shows must go when the link does.</summary>
    private static void Private(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Robots-Tag"] = "noindex";
    }
}
