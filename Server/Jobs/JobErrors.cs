using DreamOmni2.Contracts;
using DreamOmni2.Engine.Requests;

namespace DreamOmni2.Server.Jobs;

/// <summary>Places an engine error next to the control it concerns.</summary>
public static class JobErrors
{
    public static RequestError From(Exception error) => error is InvalidRequestException invalid
        ? invalid.Error
        : new RequestError(RequestField.General, error.Message);
}
