using DreamOmni2.Contracts;
using DreamOmni2.Translation;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Refusals;
using DreamOmni2.Server.Storage;
using DreamOmni2.Server.Uploads;
using Microsoft.AspNetCore.Mvc;

namespace DreamOmni2.Server.Api;

/// <summary>Uploads, stored files, previews and results over HTTP, each served only to its owner.</summary>
public static class FileEndpoints
{
    public const string UploadPath = "/api/uploads";
    public const string FileField = "file";

    /// <summary>Room beyond the file for the multipart framing and the small fields beside it.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    public static void MapPlaygroundFiles(this IEndpointRouteBuilder app, long maxUploadBytes)
    {
        app.MapPost(UploadPath, UploadAsync)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(maxUploadBytes + FormOverheadBytes));

        app.MapGet("/files/{hash}", (string hash, HttpContext context, FileOwnership ownership, ContentStore store) =>
        {
            if (!ContentStore.IsHash(hash) || !ownership.Owns(OwnerId.Of(context.User), hash) || !store.Contains(hash))
            {
                return NotFound("no file of yours has that name");
            }
            byte[] bytes = store.Read(hash);
            context.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
            // Every stored file is an image the engine accepted or wrote; its type comes from the engine's header reader.
            return Results.Bytes(bytes, TranslationImage.FromEncoded(bytes).ContentType);
        });

        app.MapGet("/jobs/{id}/preview.jpg", (string id, HttpContext context, JobService jobs) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            string owner = OwnerId.Of(context.User);
            if (jobs.LatestPreview(owner, id) is { } frame)
            {
                return Results.Bytes(frame.Jpeg, "image/jpeg");
            }
            // A page may ask for a frame while the job ends: it ran, so the answer is "nothing more", not an error.
            return jobs.Find(owner, id) is { State: var state } && state.IsFinished()
                ? Results.NoContent()
                : NotFound("no job of yours is running under that id");
        });

        app.MapGet("/jobs/{id}/result.png", (string id, HttpContext context, JobService jobs, ContentStore store) =>
        {
            var job = jobs.Find(OwnerId.Of(context.User), id);
            if (job?.Outcome.ResultHash is not { } hash)
            {
                return NotFound("no finished job of yours has that id");
            }
            return Results.File(store.Read(hash), "image/png", $"dreamomni2-{job.Id}.png");
        });
    }

    private static IResult NotFound(string detail) => ProblemResponses.Refusal(StatusCodes.Status404NotFound, detail);

    private static async Task<IResult> UploadAsync(HttpContext context, UploadService uploads)
    {
        if (!context.Request.HasFormContentType)
        {
            return BadRequest($"send the image as multipart/form-data in a field named '{FileField}'");
        }
        var form = await FormBodies.ReadAsync(context.Request);
        if (form.Files.GetFile(FileField) is not { } file)
        {
            return BadRequest($"send the image as multipart/form-data in a field named '{FileField}'");
        }
        int imageNumber = int.TryParse(form["imageNumber"], out int n) && n is > 0 and < 100 ? n : 1;
        await using var content = file.OpenReadStream();
        return Results.Ok(await uploads.AcceptAsync(OwnerId.Of(context.User), content, file.Length, file.FileName, imageNumber, context.RequestAborted));
    }

    private static IResult BadRequest(string detail) => ProblemResponses.Refusal(StatusCodes.Status400BadRequest, detail);
}
