using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DreamOmni2.Server.Storage;

namespace DreamOmni2.Server.Auth;

/// <summary>A personal access token as its owner sees it: never the token itself, which is shown once when made.</summary>
public sealed record AccessTokenInfo(string Id, string Name, DateTimeOffset Created, DateTimeOffset? LastUsed);

/// <summary>
/// Personal access tokens: a program's way in, with its user's rights and no more. Only the SHA-256 of a token is
/// stored, so the database never holds one someone who reads it could use; a revoked token is deleted.
/// </summary>
public sealed class AccessTokens(PlaygroundDatabase database, TimeProvider clock)
{
    /// <summary>What every token starts with, so one pasted by mistake is recognisable (and findable by secret scanners).</summary>
    public const string Prefix = "do2_";

    private const int MaxNameLength = 100;

    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    /// <summary>Makes a token for <paramref name="user"/>; the returned token is the only copy there will ever be.</summary>
    /// <exception cref="ArgumentException">The name is empty or too long.</exception>
    public (string Id, string Token) Create(string user, string name)
    {
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            throw new ArgumentException($"give the token a name of 1 to {MaxNameLength} characters, saying what uses it");
        }
        string token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        string id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        database.Execute(
            "INSERT INTO access_tokens (id, user_name, name, hash, created) VALUES (@id, @user, @name, @hash, @created)",
            ("@id", id), ("@user", user), ("@name", name), ("@hash", Hash(token)), ("@created", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        return (id, token);
    }

    /// <summary>The user a token belongs to, recording its use; null for a token that is unknown or revoked.</summary>
    public string? UserOf(string token)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }
        string hash = Hash(token);
        string? user = null;
        string? lastUsed = null;
        using (var connection = database.Open())
        using (var command = PlaygroundDatabase.Command(connection, "SELECT user_name, last_used FROM access_tokens WHERE hash = @hash", ("@hash", hash)))
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }
            user = reader.GetString(0);
            lastUsed = reader.IsDBNull(1) ? null : reader.GetString(1);
        }
        // A program sends its token with every request: the last use is written at most once a minute, not each time.
        var now = clock.GetUtcNow();
        if (lastUsed is null || DateTimeOffset.Parse(lastUsed, CultureInfo.InvariantCulture) < now - LastUseResolution)
        {
            database.Execute("UPDATE access_tokens SET last_used = @now WHERE hash = @hash",
                ("@hash", hash), ("@now", now.ToString("O", CultureInfo.InvariantCulture)));
        }
        return user;
    }

    public IReadOnlyList<AccessTokenInfo> List(string user)
    {
        using var connection = database.Open();
        using var command = PlaygroundDatabase.Command(connection,
            "SELECT id, name, created, last_used FROM access_tokens WHERE user_name = @user ORDER BY created", ("@user", user));
        using var reader = command.ExecuteReader();
        var tokens = new List<AccessTokenInfo>();
        while (reader.Read())
        {
            tokens.Add(new AccessTokenInfo(
                reader.GetString(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
                reader.IsDBNull(3) ? null : DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture)));
        }
        return tokens;
    }

    /// <summary>Deletes one of the user's tokens; false when the user has no token with that id.</summary>
    public bool Revoke(string user, string id) =>
        database.Execute("DELETE FROM access_tokens WHERE id = @id AND user_name = @user", ("@id", id), ("@user", user)) > 0;

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
