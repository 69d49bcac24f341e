using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Requests;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DreamOmni2.Server.Refusals;

/// <summary>
/// The one path every failed HTTP request takes: a refusal is answered as ProblemDetails with its 4xx status and a
/// message a person can act on, and logged in one line; only a real fault is a 500, logged with its stack trace,
/// whose body says no more than that something went wrong and the trace id to quote.
/// </summary>
public sealed class ProblemResponses(IProblemDetailsService problems, ILogger<ProblemResponses> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            return true;
        }
        var (status, detail) = Classify(exception);
        if (status >= 500)
        {
            logger.LogError(exception, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            detail = "the server failed to answer this request; if it keeps happening, tell the operator the trace id";
        }
        else
        {
            logger.LogInformation("Refused {Method} {Path} with {Status}: {Reason}", context.Request.Method, context.Request.Path, status, detail);
        }
        if (exception is RefusalException { RetryAfter: { } wait })
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = Title(status), Detail = detail };
        if (exception is InvalidRequestException invalid)
        {
            problem.Extensions["field"] = invalid.Error.Field.ToString().ToLowerInvariant();
            if (invalid.Error.ImageNumber is { } number)
            {
                problem.Extensions["imageNumber"] = number;
            }
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static (int Status, string Detail) Classify(Exception exception) => exception switch
    {
        RefusalException refusal => (refusal.StatusCode, refusal.Message),
        ImageInputException { Kind: ImageInputError.TooLarge } tooLarge => (StatusCodes.Status413PayloadTooLarge, tooLarge.Message),
        InvalidRequestException invalid => (StatusCodes.Status400BadRequest, invalid.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (StatusCodes.Status413PayloadTooLarge, "the request is larger than this server accepts — send a smaller file"),
        BadHttpRequestException bad => (bad.StatusCode, $"the request could not be read: {bad.Message}"),
        _ => (StatusCodes.Status500InternalServerError, ""),
    };

    /// <summary>A refusal answered directly by an endpoint or a middleware, in the same shape as the handler's.</summary>
    public static IResult Refusal(int status, string detail) => Results.Problem(statusCode: status, title: Title(status), detail: detail);

    private static string Title(int status) => status switch
    {
        400 => "The request cannot be used",
        401 => "Sign in first",
        403 => "Not allowed",
        404 => "Not found",
        413 => "Too large",
        429 => "Too many requests",
        503 => "Not available",
        _ => "Request failed",
    };
}
