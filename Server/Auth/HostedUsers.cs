using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using DreamOmni2.Server.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Auth;

/// <summary>
/// Hosted mode's accounts from configuration: checked at start-up, before anyone tries to sign in, and on every
/// request of a signed-in user, so that removing a user or changing their password ends their sessions.
/// </summary>
public static class HostedUsers
{
    /// <summary>The argument that makes the server print a password hash for the configuration and exit.</summary>
    public const string HashPasswordCommand = "hash-password";

    /// <summary>A fingerprint of the stored password a session was signed in with.</summary>
    public const string StampClaim = "dreamomni2:stamp";

    /// <exception cref="InvalidOperationException">A stored hash cannot be read: nobody could sign in as that user.</exception>
    public static void Check(PlaygroundOptions options, ILogger logger)
    {
        if (!options.Hosted)
        {
            return;
        }
        if (options.Users.Count == 0)
        {
            logger.LogWarning("Hosted mode with no users: nobody can sign in. Add {Key}NAME with a hash from '{Command}'",
                $"{PlaygroundOptions.Section}:Users:", HashPasswordCommand);
        }
        foreach (var (user, stored) in options.Users)
        {
            if (string.IsNullOrEmpty(stored))
            {
                logger.LogWarning("{Key}{User} is empty: that user cannot sign in", $"{PlaygroundOptions.Section}:Users:", user);
                continue;
            }
            if (PasswordHash.Problem(stored) is { } problem)
            {
                throw new InvalidOperationException($"{PlaygroundOptions.Section}:Users:{user} cannot be read: {problem}");
            }
            if (!PasswordHash.IsHashed(stored))
            {
                logger.LogWarning("{Key}{User} holds a password in plain text; replace it with the line '{Command}' prints",
                    $"{PlaygroundOptions.Section}:Users:", user, HashPasswordCommand);
            }
        }
    }

    public static ClaimsPrincipal Principal(string user, string stored) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, user), new Claim(StampClaim, Stamp(stored))], CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>Ends a session whose user is no longer configured or whose password has changed since it signed in.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<PlaygroundOptions>>().CurrentValue.Users;
        string? name = context.Principal?.Identity?.Name;
        if (name is not null && users.GetValueOrDefault(name) is { Length: > 0 } stored && context.Principal!.FindFirst(StampClaim)?.Value == Stamp(stored))
        {
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private static string Stamp(string stored) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stored)))[..32];
}
