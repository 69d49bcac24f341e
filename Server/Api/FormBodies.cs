using DreamOmni2.Contracts;
using DreamOmni2.Engine.Requests;

namespace DreamOmni2.Server.Api;

/// <summary>Reads a form body, refusing one that is malformed or over the form limits as a bad request, not a fault.</summary>
public static class FormBodies
{
    /// <exception cref="InvalidRequestException">The body is not a complete, well-formed form within the limits.</exception>
    public static async Task<IFormCollection> ReadAsync(HttpRequest request)
    {
        try
        {
            return await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw new InvalidRequestException(RequestField.General,
                $"the form could not be read ({e.Message.TrimEnd('.')}) — send one file as multipart/form-data in a field named '{FileEndpoints.FileField}'");
        }
    }
}
