using System.Security.Claims;
using DreamOmni2.Server.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DreamOmni2.Server.Auth;

/// <summary>
/// Hosted mode's sign-in identity: the configured users checked and added to the database at start, the principal a
/// session carries, and the check on every request that its account is still enabled and unchanged since it signed in.
/// </summary>
public static class HostedUsers
{
    /// <summary>The argument that makes the server print a password hash for the configuration and exit.</summary>
    public const string HashPasswordCommand = "hash-password";

    /// <summary>The account's stamp when the session signed in: a new password, role or disabling changes it.</summary>
    public const string StampClaim = "dreamomni2:stamp";

    /// <summary>Adds the configured users the database does not have yet, so set-ups from before accounts keep working.</summary>
    /// <exception cref="InvalidOperationException">A configured hash cannot be read: nobody could sign in as that user.</exception>
    public static void Seed(PlaygroundOptions options, UserAccounts accounts, ILogger logger)
    {
        if (!options.Hosted)
        {
            return;
        }
        foreach (var (user, stored) in options.Users)
        {
            if (string.IsNullOrEmpty(stored))
            {
                logger.LogWarning("{Key}{User} is empty: that user is not added", $"{PlaygroundOptions.Section}:Users:", user);
                continue;
            }
            if (PasswordHash.Problem(stored) is { } problem)
            {
                throw new InvalidOperationException($"{PlaygroundOptions.Section}:Users:{user} cannot be read: {problem}");
            }
            if (accounts.Find(user) is not null)
            {
                continue;
            }
            if (!PasswordHash.IsHashed(stored))
            {
                logger.LogWarning("{Key}{User} holds a password in plain text; it is stored hashed, but remove it from the configuration",
                    $"{PlaygroundOptions.Section}:Users:", user);
            }
            try
            {
                var account = accounts.AddConfigured(user, stored, options.Admins.Contains(user, StringComparer.OrdinalIgnoreCase) ? Roles.Admin : Roles.User);
                logger.LogInformation("Added configured user {User} ({Role})", account.Name, account.Role);
            }
            catch (AccountException e)
            {
                throw new InvalidOperationException($"{PlaygroundOptions.Section}:Users:{user} cannot be added: {e.Message}");
            }
        }
        if (accounts.List().Count == 0)
        {
            logger.LogWarning("Hosted mode with no users: nobody can sign in. Add an admin with 'users add NAME --admin' on the server's command line");
        }
        else if (!accounts.AnyAdmin())
        {
            logger.LogWarning("Hosted mode with no admin: nobody can manage users on the Users page. Make one with 'users role NAME admin'");
        }
    }

    public static ClaimsPrincipal Principal(UserAccount account, string authenticationType) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, account.Name), new Claim(ClaimTypes.Role, account.Role), new Claim(StampClaim, account.Stamp)],
        authenticationType));

    /// <summary>Ends a session whose account was removed, disabled or changed since it signed in.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal && context.HttpContext.RequestServices.GetRequiredService<UserAccounts>().IsCurrent(principal))
        {
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
