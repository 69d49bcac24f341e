using DreamOmni2.Contracts;
using DreamOmni2.Engine.Requests;
using Microsoft.AspNetCore.SignalR;

namespace DreamOmni2.Server.Refusals;

/// <summary>
/// Answers a refused call to the jobs hub the way HTTP refusals are answered: the caller gets a
/// <see cref="HubException"/> with the reason, and the log gets one line without a stack trace; a real fault is
/// logged with its stack. A hub argument that cannot be read at all (null,
/// a wrong type) is refused here too, instead of surfacing as "An unexpected error occurred".
/// </summary>
public sealed class HubRefusals(ILogger<HubRefusals> logger) : IHubFilter
{
    /// <summary>The category under which SignalR logs failed hub calls, refusals included, at Error.</summary>
    public const string DispatcherLogCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocation.HubMethodArguments.Any(argument => argument is null))
        {
            throw Refused(invocation, $"{invocation.HubMethodName} needs all its arguments; one was null or missing");
        }
        try
        {
            return await next(invocation);
        }
        catch (InvalidRequestException e)
        {
            throw Refused(invocation, e.Message);
        }
        catch (RefusalException e)
        {
            throw Refused(invocation, e.Message);
        }
        catch (Exception e) when (e is not (HubException or OperationCanceledException))
        {
            logger.LogError(e, "{Method} failed", invocation.HubMethodName);
            throw;
        }
    }

    private HubException Refused(HubInvocationContext invocation, string reason)
    {
        logger.LogInformation("Refused {Method} from {User}: {Reason}", invocation.HubMethodName, invocation.Context.UserIdentifier ?? invocation.Context.User?.Identity?.Name, reason);
        return new HubException(reason);
    }
}
