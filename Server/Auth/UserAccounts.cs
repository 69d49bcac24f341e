using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using DreamOmni2.Server.Storage;
using System.Data.Common;

namespace DreamOmni2.Server.Auth;

/// <summary>
/// Hosted mode's accounts, kept in the database: made, disabled, removed and given new passwords by an admin or on the
/// server's command line. Every change that must end a user's sessions changes their stamp and deletes the sessions,
/// so a cookie saved before is refused on its next request.
/// </summary>
public sealed class UserAccounts(PlaygroundDatabase database, TimeProvider clock)
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 1024;
    public const int MaxNameLength = 64;

    private const string Columns = "name, role, disabled, created, stamp, password_hash, external_id";

    public UserAccount? Find(string name) => Query($"SELECT {Columns} FROM users WHERE lower(name) = lower(@name)", ("@name", name)).FirstOrDefault();

    public UserAccount? FindExternal(string externalId) =>
        Query($"SELECT {Columns} FROM users WHERE external_id = @id", ("@id", externalId)).FirstOrDefault();

    public IReadOnlyList<UserAccount> List() => Query($"SELECT {Columns} FROM users ORDER BY name");

    public bool AnyAdmin() => database.Scalar("SELECT 1 FROM users WHERE role = @admin AND disabled = 0", ("@admin", Roles.Admin)) is not null;

    /// <exception cref="AccountException">The name is taken or not allowed, the password too short, or the role unknown.</exception>
    public UserAccount Add(string name, string password, string role)
    {
        CheckPassword(password);
        return Insert(name, PasswordHash.Create(password), role, externalId: null);
    }

    /// <summary>Adds an account whose stored password is already a hash (or plain text) from the configuration.</summary>
    public UserAccount AddConfigured(string name, string stored, string role) =>
        Insert(name, PasswordHash.IsHashed(stored) ? stored : PasswordHash.Create(stored), role, externalId: null);

    /// <summary>Adds an account that signs in through an OpenID Connect provider only, under the first free name.</summary>
    public UserAccount AddExternal(string preferredName, string externalId)
    {
        string baseName = new string([.. preferredName.Where(IsNameCharacter)]).Trim('.', '-', '_');
        baseName = baseName.Length == 0 ? "user" : baseName[..Math.Min(baseName.Length, MaxNameLength - 4)];
        for (int n = 1; ; n++)
        {
            string name = n == 1 ? baseName : $"{baseName}-{n}";
            if (Find(name) is null)
            {
                return Insert(name, passwordHash: null, Roles.User, externalId);
            }
        }
    }

    /// <summary>The account a name and password sign in as; null when they do not match or the account is disabled.</summary>
    public UserAccount? Verify(string name, string password)
    {
        var account = name.Length is > 0 and <= MaxNameLength && password.Length <= MaxPasswordLength ? Find(name) : null;
        // An unknown name is checked against a dummy hash, so it takes as long as a wrong password.
        bool matches = PasswordHash.Verify(password, account?.PasswordHash);
        return matches && account is { Disabled: false } ? account : null;
    }

    /// <exception cref="AccountException">No such user, or the password is too short.</exception>
    public void SetPassword(string name, string password)
    {
        CheckPassword(password);
        Change(name, "password_hash = @value", PasswordHash.Create(password));
    }

    /// <exception cref="AccountException">No such user, the role is unknown, or it would leave no admin.</exception>
    public void SetRole(string name, string role)
    {
        CheckRole(role);
        if (role != Roles.Admin)
        {
            KeepAnAdmin(name);
        }
        Change(name, "role = @value", role);
    }

    /// <exception cref="AccountException">No such user, or disabling would leave no admin.</exception>
    public void SetDisabled(string name, bool disabled)
    {
        if (disabled)
        {
            KeepAnAdmin(name);
        }
        Change(name, "disabled = @value", disabled ? 1 : 0);
    }

    /// <summary>Deletes the account with its sessions and access tokens; what it made is removed by <see cref="OwnerPurge"/>.</summary>
    /// <exception cref="AccountException">No such user, or removing would leave no admin.</exception>
    public void Remove(string name)
    {
        var account = Find(name) ?? throw Unknown(name);
        KeepAnAdmin(account.Name);
        var who = ("@name", (object?)account.Name);
        database.Write(connection =>
            PlaygroundDatabase.Run(connection, "DELETE FROM users WHERE name = @name", who)
            + PlaygroundDatabase.Run(connection, "DELETE FROM sessions WHERE user_name = @name", who)
            + PlaygroundDatabase.Run(connection, "DELETE FROM access_tokens WHERE user_name = @name", who));
    }

    /// <summary>Whether a signed-in principal still speaks for an enabled account, as it was when it signed in.</summary>
    public bool IsCurrent(ClaimsPrincipal principal) =>
        principal.Identity?.Name is { } name && Find(name) is { Disabled: false } account
        && principal.FindFirst(HostedUsers.StampClaim)?.Value == account.Stamp;

    public static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@';

    /// <exception cref="AccountException">The name is empty, too long or has characters other than letters, digits and . - _ @.</exception>
    public static void CheckName(string name)
    {
        if (name.Length is 0 or > MaxNameLength || !name.All(IsNameCharacter))
        {
            throw new AccountException($"a user name has 1 to {MaxNameLength} characters: letters, digits, '.', '-', '_' or '@'");
        }
    }

    /// <exception cref="AccountException">The password is shorter than <see cref="MinPasswordLength"/> or absurdly long.</exception>
    public static void CheckPassword(string password)
    {
        if (password.Length < MinPasswordLength)
        {
            throw new AccountException($"that password has {password.Length} characters; use at least {MinPasswordLength} (a few random words make a good one)");
        }
        if (password.Length > MaxPasswordLength)
        {
            throw new AccountException($"a password has at most {MaxPasswordLength} characters");
        }
    }

    private static void CheckRole(string role)
    {
        if (!Roles.IsKnown(role))
        {
            throw new AccountException($"the role must be '{Roles.Admin}' or '{Roles.User}'");
        }
    }

    private UserAccount Insert(string name, string? passwordHash, string role, string? externalId)
    {
        CheckName(name);
        CheckRole(role);
        try
        {
            database.Execute(
                $"INSERT INTO users ({Columns}) VALUES (@name, @role, 0, @created, @stamp, @hash, @external)",
                ("@name", name), ("@role", role), ("@created", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)),
                ("@stamp", NewStamp()), ("@hash", passwordHash), ("@external", externalId));
        }
        catch (DbException e) when (database.Dialect.IsUniqueViolation(e))
        {
            throw new AccountException($"there is already a user named {name}");
        }
        return Find(name)!;
    }

    /// <summary>Sets one column and a new stamp, and ends the user's sessions, in one transaction.</summary>
    private void Change(string name, string assignment, object value)
    {
        var account = Find(name) ?? throw Unknown(name);
        database.Write(connection =>
        {
            PlaygroundDatabase.Run(connection, $"UPDATE users SET {assignment}, stamp = @stamp WHERE name = @name",
                ("@value", value), ("@stamp", NewStamp()), ("@name", account.Name));
            return PlaygroundDatabase.Run(connection, "DELETE FROM sessions WHERE user_name = @name", ("@name", account.Name));
        });
    }

    private void KeepAnAdmin(string name)
    {
        if (Find(name) is { IsAdmin: true, Disabled: false }
            && Convert.ToInt64(database.Scalar("SELECT COUNT(*) FROM users WHERE role = @admin AND disabled = 0", ("@admin", Roles.Admin)),
                CultureInfo.InvariantCulture) <= 1)
        {
            throw new AccountException($"{name} is the only admin: make another user an admin first");
        }
    }

    private static AccountException Unknown(string name) => new($"there is no user named {name} (see: users list)");

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private List<UserAccount> Query(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = database.Open();
        using var command = PlaygroundDatabase.Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var accounts = new List<UserAccount>();
        while (reader.Read())
        {
            accounts.Add(new UserAccount(
                reader.GetString(0), reader.GetString(1), reader.GetInt64(2) != 0,
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return accounts;
    }
}
