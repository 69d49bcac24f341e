namespace DreamOmni2.Server.Auth;

/// <summary>
/// What a user may do: every user runs and shares their own jobs; an admin also manages users and may cancel or remove
/// anyone's job. In local mode the one local user is an admin of their own machine.
/// </summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string User = "user";

    /// <summary>The authorization policy of admin-only pages and endpoints.</summary>
    public const string AdminPolicy = "admin";

    public static bool IsKnown(string role) => role is Admin or User;
}
