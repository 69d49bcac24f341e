using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Auth;

/// <summary>Local mode's authentication: everyone is the one local user, with no sign-in.</summary>
public sealed class LocalUser(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Local";
    public const string Name = "local";

    private static readonly ClaimsPrincipal s_principal = Principal(SchemeName);

    public static ClaimsPrincipal Principal(string authenticationType) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, Name), new Claim(ClaimTypes.Role, Roles.Admin)], authenticationType));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(s_principal, SchemeName)));
}
