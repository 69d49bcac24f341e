using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DreamOmni2.Server.Auth;

/// <summary>
/// Hosted mode's stored passwords: PBKDF2-SHA256 written as "pbkdf2-sha256$iterations$salt$hash" (base64), so the
/// configuration never holds a password someone who reads it could use. Plain text is still accepted, with a warning.
/// </summary>
public static class PasswordHash
{
    public const string Prefix = "pbkdf2-sha256$";

    /// <summary>OWASP's figure for PBKDF2-HMAC-SHA256.</summary>
    public const int DefaultIterations = 600_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Compared against when the user name is unknown, so that a wrong name takes as long as a wrong password.</summary>
    private static readonly string s_unknownUser = Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));

    public static string Create(string password, int iterations = DefaultIterations)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    public static bool IsHashed(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Whether a stored value that claims to be a hash can be read; null when it can, else what is wrong.</summary>
    public static string? Problem(string stored) =>
        !IsHashed(stored) || TryParse(stored, out _, out _, out _)
            ? null
            : $"it starts with '{Prefix}' but is not '{Prefix}ITERATIONS$SALT$HASH' with a base64 salt and hash";

    /// <param name="stored">The configured value: a hash from <see cref="Create"/>, or plain text; null for an unknown user.</param>
    public static bool Verify(string password, string? stored)
    {
        if (stored is null)
        {
            Verify(password, s_unknownUser);
            return false;
        }
        if (!IsHashed(stored))
        {
            return CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(password)), SHA256.HashData(Encoding.UTF8.GetBytes(stored)));
        }
        if (!TryParse(stored, out int iterations, out byte[] salt, out byte[] expected))
        {
            return false;
        }
        byte[] actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool TryParse(string stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        string[] parts = stored[Prefix.Length..].Split('$');
        try
        {
            if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < 1)
            {
                return false;
            }
            salt = Convert.FromBase64String(parts[1]);
            hash = Convert.FromBase64String(parts[2]);
            return salt.Length > 0 && hash.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
