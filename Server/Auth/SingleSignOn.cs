using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Refusals;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace DreamOmni2.Server.Auth;

/// <summary>
/// Sign-in through an OpenID Connect provider (authorization code with PKCE). The provider's identity (issuer and
/// subject) is linked to an account in the database, made on first sign-in as a plain user; from then on the session is
/// the same server-side cookie session a password sign-in gets, and disabling the account ends it alike.
/// </summary>
public static class SingleSignOn
{
    public const string SchemeName = "oidc";
    public const string StartPath = "/signin/sso";
    public const string CallbackPath = "/signin-oidc";
    public const string Failed = "sso";
    public const string Refused = "sso-refused";

    /// <summary>
    /// Registers the scheme only when the configuration names a provider, decided when the options are first read
    /// (after hosts and tests have added their settings), so a server without one has no callback endpoint at all.
    /// </summary>
    public static IServiceCollection AddSingleSignOn(this IServiceCollection services)
    {
        services.AddOptions<AuthenticationOptions>().Configure<IOptions<PlaygroundOptions>>((authentication, playground) =>
        {
            if (IsEnabled(playground.Value))
            {
                authentication.AddScheme(SchemeName, scheme =>
                {
                    scheme.HandlerType = typeof(OpenIdConnectHandler);
                    scheme.DisplayName = playground.Value.SingleSignOn.DisplayName;
                });
            }
        });
        services.TryAddTransient<OpenIdConnectHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddOptions<OpenIdConnectOptions>(SchemeName).Configure<IOptions<PlaygroundOptions>>((oidc, playground) =>
        {
            var settings = playground.Value.SingleSignOn;
            if (!IsEnabled(playground.Value))
            {
                return;
            }
            oidc.Authority = settings.Authority;
            oidc.ClientId = settings.ClientId;
            oidc.ClientSecret = settings.ClientSecret;
            oidc.RequireHttpsMetadata = !IsLoopback(settings.Authority!);
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            // The provider sends the browser back with a plain GET: no cross-site form post, which SameSite=Lax cookies
            // and the Origin check would refuse.
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            oidc.UsePkce = true;
            oidc.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            oidc.CallbackPath = CallbackPath;
            oidc.MapInboundClaims = false;
            oidc.SaveTokens = false;
            oidc.Scope.Add("email");
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.Events.OnTokenValidated = LinkAccount;
            oidc.Events.OnRemoteFailure = context =>
            {
                bool refused = context.Failure?.Data.Contains(Refused) == true;
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOn))
                    .LogInformation("Single sign-on failed: {Reason}", context.Failure?.Message);
                context.Response.Redirect($"{SignInEndpoints.SignInPath}?failed={(refused ? Refused : Failed)}");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return services;
    }

    public static void MapSingleSignOn(this IEndpointRouteBuilder app) =>
        app.MapGet(StartPath, (string? returnUrl, IOptions<PlaygroundOptions> options) => IsEnabled(options.Value)
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = ReturnUrls.Safe(returnUrl) }, [SchemeName])
                : ProblemResponses.Refusal(StatusCodes.Status404NotFound, "this server has no single sign-on; sign in with a password"))
            .AllowAnonymous().RequireRateLimiting(Security.PlaygroundSecurity.SignInPolicy);

    public static bool IsEnabled(PlaygroundOptions options) => options.Hosted && options.SingleSignOn.IsConfigured;

    /// <summary>Signs the provider's identity in as its linked account, making one on its first sign-in when allowed.</summary>
    private static Task LinkAccount(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        string? issuer = principal.FindFirst("iss")?.Value;
        string? subject = principal.FindFirst("sub")?.Value;
        if (issuer is null || subject is null)
        {
            Refuse(context, "the provider's identity token has no issuer or subject");
            return Task.CompletedTask;
        }
        var services = context.HttpContext.RequestServices;
        var accounts = services.GetRequiredService<UserAccounts>();
        string externalId = $"{issuer}|{subject}";
        var account = accounts.FindExternal(externalId);
        if (account is null && services.GetRequiredService<IOptions<PlaygroundOptions>>().Value.SingleSignOn.AllowNewUsers)
        {
            string preferred = principal.FindFirst("preferred_username")?.Value ?? principal.FindFirst("email")?.Value?.Split('@')[0] ?? "user";
            account = accounts.AddExternal(preferred, externalId);
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOn))
                .LogInformation("Single sign-on made the account {User} for {Identity}", account.Name, externalId);
        }
        if (account is not { Disabled: false })
        {
            Refuse(context, account is null ? $"{externalId} has no account and new ones are not allowed" : $"{account.Name} is disabled");
            return Task.CompletedTask;
        }
        context.Principal = HostedUsers.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme);
        return Task.CompletedTask;
    }

    private static void Refuse(TokenValidatedContext context, string why)
    {
        var failure = new AuthenticationFailureException(why);
        failure.Data[Refused] = true;
        context.Fail(failure);
    }

    private static bool IsLoopback(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
