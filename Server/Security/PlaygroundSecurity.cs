using System.Net;
using System.Threading.RateLimiting;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Refusals;
using DreamOmni2.Server.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Security;

/// <summary>
/// The host's defences, in one place: sign-in with server-side sessions, Data Protection keys in the data folder,
/// host names, Origin checks, forwarded headers behind a TLS proxy, HSTS, security headers and rate limits.
/// </summary>
public static class PlaygroundSecurity
{
    public const string SignInPolicy = "signin";

    /// <summary>The share-link addresses, which anyone may open: limited per client address, signed in or not.</summary>
    public const string ShareViewPolicy = "share-views";

    /// <summary>Names a browser on this machine uses; always allowed, since a rebinding attack comes under a name of its own.</summary>
    public static readonly IReadOnlyList<string> LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    public static IServiceCollection AddPlaygroundSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        AddAuthentication(services);
        services.AddDataProtection().SetApplicationName("DreamOmni2.Playground");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((keys, provider) =>
        {
            string folder = Path.Combine(PlaygroundServices.DataFolder(provider), "keys");
            DataFolders.Create(folder);
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), provider.GetRequiredService<ILoggerFactory>());
        });
        services.AddOptions<HostFilteringOptions>().PostConfigure<IOptions<PlaygroundOptions>>((hosts, playground) =>
        {
            // AllowedHosts unset: a local server answers to loopback names only (no DNS rebinding); a hosted one to any.
            string? configured = configuration["AllowedHosts"];
            hosts.AllowedHosts = string.IsNullOrWhiteSpace(configured)
                ? (playground.Value.Hosted ? ["*"] : [.. LoopbackHosts])
                : [.. configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), .. LoopbackHosts];
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<PlaygroundOptions>>((forwarded, playground) =>
        {
            var setting = playground.Value.ForwardedHeaders;
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (string proxy in setting.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (string network in setting.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddRateLimiter(limits =>
        {
            limits.AddPolicy(SignInPolicy, context =>
            {
                int perMinute = context.RequestServices.GetRequiredService<IOptions<PlaygroundOptions>>().Value.RateLimits.SignInsPerMinutePerAddress;
                return PerAddressPerMinute(context, perMinute);
            });
            limits.AddPolicy(ShareViewPolicy, context =>
            {
                int perMinute = context.RequestServices.GetRequiredService<IOptions<PlaygroundOptions>>().Value.RateLimits.ShareViewsPerMinutePerAddress;
                return PerAddressPerMinute(context, perMinute);
            });
            limits.OnRejected = (rejected, ct) => throw RefusalException.TooMany(
                "too many requests from your address — wait a minute and try again", TimeSpan.FromMinutes(1));
        });
        return services;
    }

    /// <summary>A sliding one-minute window per client address, in six steps, with no queue: past the limit is refused at once.</summary>
    private static RateLimitPartition<string> PerAddressPerMinute(HttpContext context, int perMinute) =>
        RateLimitPartition.GetSlidingWindowLimiter(ClientAddress(context), _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        });

    public static WebApplication UsePlaygroundSecurity(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PlaygroundOptions>>().Value;
        if (options.ForwardedHeaders.Enabled)
        {
            app.UseForwardedHeaders();
        }
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // A person in a browser gets the playground's own page for an error; a program gets the ProblemDetails above.
        app.UseWhen(context => WantsPage(context.Request), page => page.UseStatusCodePagesWithReExecute(
            Components.Pages.StatusPage.PathFormat, createScopeForStatusCodePages: true));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<OriginCheck>();
        if (options.Hosted && app.Configuration["AllowedHosts"] is null)
        {
            app.Logger.LogWarning("Hosted mode answers to any host name: set AllowedHosts to the names this server is reached by (e.g. playground.example.com)");
        }
        return app;
    }

    /// <summary>A browser navigating to a page (it accepts HTML), not a program or a script fetching data.</summary>
    private static bool WantsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// Every scheme is registered and each request picks one: a request bringing an access token is its token's user;
    /// otherwise hosted mode signs users in with a cookie whose session lives on the server, and local mode makes
    /// everyone the local user.
    /// </summary>
    private static void AddAuthentication(IServiceCollection services)
    {
        const string selected = "Playground";
        services.AddAuthentication(selected)
            .AddPolicyScheme(selected, selected, policy => policy.ForwardDefaultSelector = context =>
                AccessTokenHandler.Carries(context.Request) ? AccessTokenHandler.SchemeName
                : context.RequestServices.GetRequiredService<IOptions<PlaygroundOptions>>().Value.Hosted ? CookieAuthenticationDefaults.AuthenticationScheme
                : LocalUser.SchemeName)
            .AddCookie(cookie =>
            {
                cookie.LoginPath = SignInEndpoints.SignInPath;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = HostedUsers.ValidateAsync;
                // A signed-in user opening an admin's page is told no, not sent to a page that does not exist.
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, LocalUser>(LocalUser.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(AccessTokenHandler.SchemeName, null);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<SessionStore>((cookie, sessions) => cookie.SessionStore = sessions);
        services.AddSingleSignOn();
    }
}
