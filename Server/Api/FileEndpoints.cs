using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Translation;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Storage;
using DreamOmni2.Server.Uploads;
using Microsoft.AspNetCore.Mvc;

namespace DreamOmni2.Server.Api;

/// <summary>Uploads, stored files, previews and results over HTTP, each served only to its owner.</summary>
public static class FileEndpoints
{
    public const string UploadPath = "/api/uploads";

    public static void MapPlaygroundFiles(this IEndpointRouteBuilder app, long maxUploadBytes)
    {
        app.MapPost(UploadPath, UploadAsync)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(maxUploadBytes + 64 * 1024));

        app.MapGet("/files/{hash}", (string hash, HttpContext context, FileOwnership ownership, ContentStore store) =>
        {
            if (!ContentStore.IsHash(hash) || !ownership.Owns(OwnerId.Of(context.User), hash) || !store.Contains(hash))
            {
                return Results.NotFound();
            }
            byte[] bytes = store.Read(hash);
            context.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
            // Every stored file is an image the engine accepted or wrote; its type comes from the engine's header reader.
            return Results.Bytes(bytes, TranslationImage.FromEncoded(bytes).ContentType);
        });

        app.MapGet("/jobs/{id}/preview.jpg", (string id, HttpContext context, JobService jobs) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return jobs.LatestPreview(OwnerId.Of(context.User), id) is { } frame
                ? Results.Bytes(frame.Jpeg, "image/jpeg")
                : Results.NotFound();
        });

        app.MapGet("/jobs/{id}/result.png", (string id, HttpContext context, JobService jobs, ContentStore store) =>
        {
            var job = jobs.Find(OwnerId.Of(context.User), id);
            if (job?.Outcome.ResultHash is not { } hash)
            {
                return Results.NotFound();
            }
            return Results.File(store.Read(hash), "image/png", $"dreamomni2-{job.Id}.png");
        });
    }

    private static async Task<IResult> UploadAsync(HttpContext context, UploadService uploads)
    {
        if (!context.Request.HasFormContentType)
        {
            return Results.BadRequest(new UploadError("send the image as multipart/form-data in a field named 'file'", null));
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form.Files.GetFile("file") is not { } file)
        {
            return Results.BadRequest(new UploadError("send the image as multipart/form-data in a field named 'file'", null));
        }
        int imageNumber = int.TryParse(form["imageNumber"], out int n) && n > 0 ? n : 1;
        try
        {
            await using var content = file.OpenReadStream();
            return Results.Ok(await uploads.AcceptAsync(OwnerId.Of(context.User), content, file.FileName, imageNumber, context.RequestAborted));
        }
        catch (ImageInputException e)
        {
            return Results.BadRequest(new UploadError(e.Message, e.ImageNumber));
        }
    }
}

/// <summary>Why an upload was refused, worded for a person.</summary>
public sealed record UploadError(string Error, int? ImageNumber);
