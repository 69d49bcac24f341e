using System.Net;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Auth;

/// <summary>
/// Hosted mode's sign-in: a plain form checked against the accounts in the database (see <see cref="UserAccounts"/>),
/// then a cookie naming a server-side session. Attempts are limited per client address, and repeated failures for
/// one name lock that name for a while.
/// </summary>
public static class SignInEndpoints
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";

    public static void MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(SignInPath, (string? returnUrl, string? failed, IOptions<PlaygroundOptions> options) =>
                Results.Content(Form(ReturnUrls.Safe(returnUrl), failed, SingleSignOn.IsEnabled(options.Value) ? options.Value.SingleSignOn.DisplayName : null), "text/html"))
            .AllowAnonymous();
        app.MapPost(SignInPath, SignInAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(PlaygroundSecurity.SignInPolicy);
        app.MapPost(SignOutPath, async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect(SignInPath);
        }).DisableAntiforgery();
    }

    private static async Task<IResult> SignInAsync(HttpContext context, UserAccounts accounts, SignInThrottle throttle)
    {
        var form = await FormBodies.ReadAsync(context.Request);
        string user = form["user"].ToString();
        string password = form["password"].ToString();
        string returnUrl = ReturnUrls.Safe(form["returnUrl"].ToString());
        if (user.Length is 0 or > 200 || password.Length > 1024)
        {
            return Failed(Mismatch, returnUrl);
        }
        if (throttle.Blocked(user) is not null)
        {
            return Failed(Throttled, returnUrl);
        }
        if (accounts.Verify(user, password) is not { } account)
        {
            throttle.Failed(user);
            return Failed(Mismatch, returnUrl);
        }
        throttle.Succeeded(user);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            HostedUsers.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));
        return Results.LocalRedirect(returnUrl);
    }

    private const string Mismatch = "mismatch";
    private const string Throttled = "throttled";

    private static IResult Failed(string why, string returnUrl) =>
        Results.LocalRedirect($"{SignInPath}?failed={why}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    private static string FailureMessage(string? failed) => failed switch
    {
        null => "",
        Throttled => AuthPage.Error($"Too many failed sign-ins for that user name. Wait {SignInThrottle.Window.TotalMinutes:0} minutes and try again."),
        SingleSignOn.Failed => AuthPage.Error("Single sign-on did not complete. Try again; if it keeps failing, tell whoever runs this server."),
        SingleSignOn.Refused => AuthPage.Error("Your sign-in worked, but this server has no enabled account for you. Ask an admin."),
        _ => AuthPage.Error("That user name and password do not match."),
    };

    private static string SingleSignOnLink(string returnUrl, string? provider) => provider is null ? "" :
        $"<p><a class=\"signin-sso\" href=\"{SingleSignOn.StartPath}?returnUrl={WebUtility.UrlEncode(returnUrl)}\">Sign in with {WebUtility.HtmlEncode(provider)}</a></p>";

    private static string Form(string returnUrl, string? failed, string? provider) => AuthPage.Render("Sign in", $$"""
        <form method="post" action="{{SignInPath}}" class="signin-card">
          <h1>DreamOmni2 Playground</h1>
          {{FailureMessage(failed)}}
          <label>User <input name="user" autocomplete="username" required autofocus maxlength="200"></label>
          <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
          <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl)}}">
          <button type="submit">Sign in</button>
          {{SingleSignOnLink(returnUrl, provider)}}
        </form>
        """);
}
