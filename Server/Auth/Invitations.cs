using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DreamOmni2.Server.Storage;

namespace DreamOmni2.Server.Auth;

/// <summary>An invitation not yet used, as an admin sees it: never the link itself, which is shown once when made.</summary>
public sealed record PendingInvitation(string Id, string Role, string CreatedBy, DateTimeOffset Created, DateTimeOffset Expires);

/// <summary>
/// Invitation links: an admin makes one, a colleague opens it and picks a name and password. Each is single use,
/// expires, and is stored only as the SHA-256 of its 256 random bits, like access tokens.
/// </summary>
public sealed class Invitations(PlaygroundDatabase database, UserAccounts accounts, TimeProvider clock)
{
    public const string PathPrefix = "/invite/";

    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    /// <summary>Makes an invitation; the returned token is the only copy there will ever be.</summary>
    /// <exception cref="AccountException">The role is unknown or the lifetime is not between a minute and 30 days.</exception>
    public string Create(string createdBy, string role, TimeSpan lifetime)
    {
        if (!Roles.IsKnown(role))
        {
            throw new AccountException($"the role must be '{Roles.Admin}' or '{Roles.User}'");
        }
        if (lifetime < TimeSpan.FromMinutes(1) || lifetime > MaxLifetime)
        {
            throw new AccountException($"an invitation lasts between a minute and {MaxLifetime.TotalDays:0} days");
        }
        string token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        database.Execute(
            "INSERT INTO invitations (hash, role, created_by, created, expires) VALUES (@hash, @role, @by, @created, @expires)",
            ("@hash", Hash(token)), ("@role", role), ("@by", createdBy), ("@created", Text(now)), ("@expires", Text(now + lifetime)));
        return token;
    }

    /// <summary>Whether the token is an invitation that can still be used.</summary>
    public bool IsOpen(string token) => IsWellFormed(token)
        && database.Scalar("SELECT 1 FROM invitations WHERE hash = @hash AND used IS NULL AND expires > @now",
            ("@hash", Hash(token)), ("@now", Text(clock.GetUtcNow()))) is not null;

    /// <summary>Uses the invitation to make an account; null when it was used, has expired or never existed.</summary>
    /// <exception cref="AccountException">The name is taken or not allowed, or the password too short.</exception>
    public UserAccount? Accept(string token, string name, string password)
    {
        if (!IsOpen(token))
        {
            return null;
        }
        UserAccounts.CheckName(name);
        UserAccounts.CheckPassword(password);
        if (accounts.Find(name) is not null)
        {
            throw new AccountException($"there is already a user named {name}: pick another name");
        }
        // Claim the invitation first, so two people opening the same link cannot both use it.
        string hash = Hash(token);
        var claimed = database.Write(connection =>
        {
            using var claim = PlaygroundDatabase.Command(connection,
                "UPDATE invitations SET used = @now, used_by = @name WHERE hash = @hash AND used IS NULL AND expires > @now RETURNING role",
                ("@hash", hash), ("@now", Text(clock.GetUtcNow())), ("@name", name));
            return claim.ExecuteScalar();
        });
        if (claimed is not string role)
        {
            return null;
        }
        try
        {
            return accounts.Add(name, password, role);
        }
        catch (AccountException)
        {
            database.Execute("UPDATE invitations SET used = NULL, used_by = NULL WHERE hash = @hash", ("@hash", hash));
            throw;
        }
    }

    public IReadOnlyList<PendingInvitation> Pending()
    {
        using var connection = database.Open();
        using var command = PlaygroundDatabase.Command(connection,
            "SELECT hash, role, created_by, created, expires FROM invitations WHERE used IS NULL AND expires > @now ORDER BY created",
            ("@now", Text(clock.GetUtcNow())));
        using var reader = command.ExecuteReader();
        var pending = new List<PendingInvitation>();
        while (reader.Read())
        {
            pending.Add(new PendingInvitation(reader.GetString(0)[..16], reader.GetString(1), reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture), DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture)));
        }
        return pending;
    }

    /// <summary>Withdraws a pending invitation by the id <see cref="Pending"/> lists.</summary>
    public bool Withdraw(string id) => id.Length == 16 && id.All(char.IsAsciiHexDigitLower)
        && database.Execute("DELETE FROM invitations WHERE substr(hash, 1, 16) = @id AND used IS NULL", ("@id", id)) > 0;

    private static bool IsWellFormed(string token) => token.Length is > 20 and < 100 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Text(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
