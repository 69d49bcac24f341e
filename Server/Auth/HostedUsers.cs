using DreamOmni2.Server.Configuration;

namespace DreamOmni2.Server.Auth;

/// <summary>Checks hosted mode's accounts at start-up, before anyone tries to sign in.</summary>
public static class HostedUsers
{
    /// <summary>The argument that makes the server print a password hash for the configuration and exit.</summary>
    public const string HashPasswordCommand = "hash-password";

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
}
