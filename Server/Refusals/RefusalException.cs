namespace DreamOmni2.Server.Refusals;

/// <summary>
/// A request refused for a reason other than what it asks: a full queue, a rate limit, a quota. Carries the HTTP
/// status the refusal is answered with and, where waiting helps, how long to wait.
/// </summary>
public sealed class RefusalException(int statusCode, string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public static RefusalException TooMany(string message, TimeSpan? retryAfter = null) =>
        new(StatusCodes.Status429TooManyRequests, message, retryAfter);
}
