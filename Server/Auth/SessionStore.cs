using System.Security.Cryptography;
using DreamOmni2.Server.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DreamOmni2.Server.Auth;

/// <summary>
/// Sign-in sessions kept on the server: the cookie holds only a random session key, so signing out, a removed user
/// or a changed password deletes the session and a cookie saved before is worth nothing afterwards.
/// </summary>
public sealed class SessionStore(PlaygroundDatabase database, TimeProvider clock) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        string key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        database.Execute(
            "INSERT INTO sessions (id, user_name, created, expires, ticket) VALUES (@id, @user, @created, @expires, @ticket)",
            ("@id", key), ("@user", ticket.Principal.Identity?.Name ?? ""), ("@created", now.ToString("O")),
            ("@expires", (ticket.Properties.ExpiresUtc ?? now.AddDays(14)).ToString("O")), ("@ticket", TicketSerializer.Default.Serialize(ticket)));
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        database.Execute("UPDATE sessions SET expires = @expires, ticket = @ticket WHERE id = @id",
            ("@id", key), ("@expires", (ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddDays(14)).ToString("O")),
            ("@ticket", TicketSerializer.Default.Serialize(ticket)));
        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (database.Scalar("SELECT ticket FROM sessions WHERE id = @id AND expires > @now", ("@id", key), ("@now", clock.GetUtcNow().ToString("O")))
            is not byte[] bytes)
        {
            return Task.FromResult<AuthenticationTicket?>(null);
        }
        return Task.FromResult(TicketSerializer.Default.Deserialize(bytes));
    }

    public Task RemoveAsync(string key)
    {
        database.Execute("DELETE FROM sessions WHERE id = @id", ("@id", key));
        return Task.CompletedTask;
    }

    /// <summary>Ends every session of a user; returns how many there were.</summary>
    public int EndAll(string user) => database.Execute("DELETE FROM sessions WHERE user_name = @user", ("@user", user));

    /// <summary>Deletes expired sessions.</summary>
    public int Sweep() => database.Execute("DELETE FROM sessions WHERE expires <= @now", ("@now", clock.GetUtcNow().ToString("O")));
}
