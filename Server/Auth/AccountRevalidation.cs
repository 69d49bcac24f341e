using DreamOmni2.Server.Configuration;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Auth;

/// <summary>
/// An open page (a Blazor circuit) outlives the request that signed it in: in hosted mode its account is checked again
/// every minute, and a page whose account was disabled, removed or changed is signed out.
/// </summary>
public sealed class AccountRevalidation(ILoggerFactory loggerFactory, UserAccounts accounts, IOptionsMonitor<PlaygroundOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        Task.FromResult(!options.CurrentValue.Hosted || accounts.IsCurrent(state.User));
}
