using DreamOmni2.Server.Refusals;

namespace DreamOmni2.Server.Examples;

/// <summary>The pack's example images over HTTP, by example and image number.</summary>
public static class ExampleEndpoints
{
    public static void MapExamples(this IEndpointRouteBuilder app)
    {
        app.MapGet("/examples/{example:int}/images/{image:int}.png", (int example, int image, HttpContext context, ExampleCatalog catalog) =>
        {
            if (catalog.Image(example, image) is not { } png)
            {
                return ProblemResponses.Refusal(StatusCodes.Status404NotFound,
                    $"the pack has no image {image} in example {example}; it has {catalog.Cards.Count} examples");
            }
            context.Response.Headers.CacheControl = "private, max-age=3600";
            return Results.Bytes(png, "image/png");
        });
    }
}
