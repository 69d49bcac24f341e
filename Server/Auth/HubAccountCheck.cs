using DreamOmni2.Server.Configuration;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Auth;

/// <summary>
/// A hub connection outlives the request that opened it: in hosted mode every call checks again that the caller's
/// account is still enabled and unchanged, so disabling a user or changing their password also stops their open
/// connections from doing anything more.
/// </summary>
public sealed class HubAccountCheck(UserAccounts accounts, IOptionsMonitor<PlaygroundOptions> options, ILogger<HubAccountCheck> logger) : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (!options.CurrentValue.Hosted || accounts.IsCurrent(invocation.Context.User!))
        {
            return next(invocation);
        }
        logger.LogInformation("Refused {Method} from {User}: the account was disabled, removed or changed since the connection opened",
            invocation.HubMethodName, invocation.Context.User?.Identity?.Name);
        throw new HubException("your session has ended — sign in again");
    }
}
