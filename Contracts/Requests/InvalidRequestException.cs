namespace DreamOmni2.Contracts;

/// <summary>A request the engine cannot run as asked; <see cref="Error"/> says which part and what to do about it.</summary>
public class InvalidRequestException(RequestError error) : Exception(error.Message)
{
    public InvalidRequestException(RequestField field, string message)
        : this(new RequestError(field, message))
    {
    }

    public RequestError Error { get; } = error;
}
