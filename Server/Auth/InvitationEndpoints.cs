using System.Net;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Auth;

/// <summary>
/// <c>/invite/{token}</c>: a colleague with an invitation picks a user name and password, and is signed in. A used,
/// expired or unknown invitation gets the same 404 page; attempts count against the sign-in rate limit.
/// </summary>
public static class InvitationEndpoints
{
    public static void MapInvitations(this IEndpointRouteBuilder app)
    {
        string route = Invitations.PathPrefix + "{token}";
        app.MapGet(route, (string token, Invitations invitations, IOptions<PlaygroundOptions> options) =>
            options.Value.Hosted && invitations.IsOpen(token) ? Page(HttpStatusCode.OK, Form(token, error: null)) : Closed())
            .AllowAnonymous().RequireRateLimiting(PlaygroundSecurity.SignInPolicy);
        app.MapPost(route, AcceptAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(PlaygroundSecurity.SignInPolicy);
    }

    private static async Task<IResult> AcceptAsync(string token, HttpContext context, Invitations invitations, IOptions<PlaygroundOptions> options)
    {
        if (!options.Value.Hosted)
        {
            return Closed();
        }
        var form = await FormBodies.ReadAsync(context.Request);
        string name = form["user"].ToString().Trim();
        string password = form["password"].ToString();
        if (password != form["confirm"].ToString())
        {
            return invitations.IsOpen(token) ? Page(HttpStatusCode.BadRequest, Form(token, "The two passwords differ: type the same one twice.", name)) : Closed();
        }
        UserAccount? account;
        try
        {
            account = invitations.Accept(token, name, password);
        }
        catch (AccountException e)
        {
            return Page(HttpStatusCode.BadRequest, Form(token, char.ToUpperInvariant(e.Message[0]) + e.Message[1..] + ".", name));
        }
        if (account is null)
        {
            return Closed();
        }
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            HostedUsers.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));
        return Results.LocalRedirect("/");
    }

    private static IResult Page(HttpStatusCode status, string html) => Results.Content(html, "text/html", statusCode: (int)status);

    private static IResult Closed() => Page(HttpStatusCode.NotFound, AuthPage.Render("Invitation", """
        <div class="signin-card">
          <h1>DreamOmni2 Playground</h1>
          <p>This invitation cannot be used: it was used already, has expired, or never existed. Ask whoever sent it for a new one.</p>
          <a href="/signin">Sign in</a>
        </div>
        """));

    private static string Form(string token, string? error, string name = "") => AuthPage.Render("Join", $$"""
        <form method="post" action="{{Invitations.PathPrefix}}{{WebUtility.UrlEncode(token)}}" class="signin-card">
          <h1>Join DreamOmni2 Playground</h1>
          <p>Pick the name you will sign in with and a password of at least {{UserAccounts.MinPasswordLength}} characters.</p>
          {{(error is null ? "" : AuthPage.Error(error))}}
          <label>User <input name="user" autocomplete="username" required autofocus maxlength="{{UserAccounts.MaxNameLength}}" value="{{WebUtility.HtmlEncode(name)}}"></label>
          <label>Password <input name="password" type="password" autocomplete="new-password" required minlength="{{UserAccounts.MinPasswordLength}}"></label>
          <label>Password again <input name="confirm" type="password" autocomplete="new-password" required></label>
          <button type="submit">Join</button>
        </form>
        """);
}
