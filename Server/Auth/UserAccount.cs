namespace DreamOmni2.Server.Auth;

/// <summary>
/// An account as the database holds it. <see cref="Stamp"/> changes whenever sessions signed in before must end (a new
/// password, a new role, disabling); <see cref="ExternalId"/> is set for an account made by an OpenID Connect sign-in.
/// </summary>
public sealed record UserAccount(
    string Name, string Role, bool Disabled, DateTimeOffset Created, string Stamp, string? PasswordHash, string? ExternalId)
{
    public bool IsAdmin => Role == Roles.Admin;
}
