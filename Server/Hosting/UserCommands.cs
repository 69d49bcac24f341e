using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Storage;

namespace DreamOmni2.Server.Hosting;

/// <summary>
/// <c>users …</c> on the server's command line: an operator's way to manage accounts, also before any admin exists.
/// Passwords are read from standard input, never from arguments (which other users of the machine can see).
/// </summary>
public static class UserCommands
{
    public const string Name = "users";

    public const string Usage = """
        usage: users list
               users add NAME [--admin]        (password on standard input)
               users password NAME             (new password on standard input)
               users role NAME admin|user
               users disable NAME | users enable NAME
               users remove NAME               (deletes the account, its history and its files)
               users invite [--admin] [--days N]   (prints the invitation's path, e.g. /invite/…)
        """;

    public static int Run(string[] args, UserAccounts accounts, Invitations invitations, OwnerPurge purge, TextReader input, TextWriter output, TextWriter error)
    {
        try
        {
            switch (args)
            {
                case ["list"]:
                    foreach (var account in accounts.List())
                    {
                        output.WriteLine(string.Join('\t', account.Name, account.Role, account.Disabled ? "disabled" : "enabled",
                            account.ExternalId is null ? "password" : "single sign-on", $"since {account.Created:yyyy-MM-dd}"));
                    }
                    return 0;
                case ["add", var name, .. var flags] when flags is [] or ["--admin"]:
                    accounts.Add(name, ReadPassword(input), flags is ["--admin"] ? Roles.Admin : Roles.User);
                    output.WriteLine($"added {name}");
                    return 0;
                case ["password", var name]:
                    accounts.SetPassword(name, ReadPassword(input));
                    output.WriteLine($"changed the password of {name}; their sessions have ended");
                    return 0;
                case ["role", var name, var role]:
                    accounts.SetRole(name, role);
                    output.WriteLine($"{name} is now {(role == Roles.Admin ? "an admin" : "a user")}; their sessions have ended");
                    return 0;
                case ["disable", var name]:
                    accounts.SetDisabled(name, true);
                    output.WriteLine($"disabled {name}; their sessions and tokens no longer work");
                    return 0;
                case ["enable", var name]:
                    accounts.SetDisabled(name, false);
                    output.WriteLine($"enabled {name}");
                    return 0;
                case ["remove", var name]:
                    string canonical = accounts.Find(name)?.Name ?? name;
                    accounts.Remove(canonical);
                    output.WriteLine($"removed {canonical} and {purge.Purge(canonical)} jobs of their history");
                    return 0;
                case ["invite", .. var flags] when InviteFlags(flags) is var (role, days):
                    output.WriteLine(Invitations.PathPrefix + invitations.Create("command line", role, TimeSpan.FromDays(days)));
                    return 0;
                default:
                    error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (AccountException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private static (string Role, double Days)? InviteFlags(string[] flags)
    {
        string role = Roles.User;
        double days = 7;
        for (int i = 0; i < flags.Length; i++)
        {
            switch (flags[i])
            {
                case "--admin":
                    role = Roles.Admin;
                    break;
                case "--days" when i + 1 < flags.Length && double.TryParse(flags[i + 1], System.Globalization.CultureInfo.InvariantCulture, out days):
                    i++;
                    break;
                default:
                    return null;
            }
        }
        return (role, days);
    }

    private static string ReadPassword(TextReader input) =>
        input.ReadLine() is { Length: > 0 } password
            ? password
            : throw new AccountException("type the password on standard input, e.g. read -rs P && echo \"$P\" | dotnet run --project Server --no-launch-profile -- users add NAME");
}
