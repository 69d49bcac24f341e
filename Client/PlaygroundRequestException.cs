namespace DreamOmni2.Client;

/// <summary>The server refused a request, or could not be reached; the message is the server's reason, worded for a person.</summary>
/// <param name="StatusCode">The HTTP status of a refused HTTP request; null for a hub refusal or an unreachable server.</param>
public sealed class PlaygroundRequestException(string message, int? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
}
