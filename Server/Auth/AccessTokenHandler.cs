using System.Security.Claims;
using System.Text.Encodings.Web;
using DreamOmni2.Server.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Auth;

/// <summary>
/// Signs a program in with a personal access token: <c>Authorization: Bearer TOKEN</c>, or on the hub the
/// <c>access_token</c> query parameter that SignalR clients send over WebSockets. The token carries its user's rights:
/// the user must still have an enabled account (in local mode, be the local user).
/// </summary>
public sealed class AccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AccessTokens tokens, UserAccounts accounts, IOptionsMonitor<PlaygroundOptions> playground)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    /// <summary>Whether the request brings a token, so this scheme, not the cookie or the local user, decides who it is.</summary>
    public static bool Carries(HttpRequest request) => TokenOf(request) is not null;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenOf(Request) is not { } token)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (tokens.UserOf(token) is not { } user || PrincipalOf(user) is not { } principal)
        {
            return Task.FromResult(AuthenticateResult.Fail("the access token is unknown or revoked"));
        }
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    private ClaimsPrincipal? PrincipalOf(string user)
    {
        if (!playground.CurrentValue.Hosted)
        {
            return user == LocalUser.Name ? LocalUser.Principal(SchemeName) : null;
        }
        return accounts.Find(user) is { Disabled: false } account ? HostedUsers.Principal(account, SchemeName) : null;
    }

    private static string? TokenOf(HttpRequest request)
    {
        string header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
        return request.Path.StartsWithSegments(Api.JobsHub.Path) && request.Query["access_token"].ToString() is { Length: > 0 } query
            ? query
            : null;
    }
}
