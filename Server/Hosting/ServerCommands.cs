using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Health;
using DreamOmni2.Server.Storage;

namespace DreamOmni2.Server.Hosting;

/// <summary>
/// What the server binary does besides serving: <c>hash-password</c> prints a hash for the configuration, and
/// <c>healthcheck</c> asks a running server on this machine whether it is healthy (the container's HEALTHCHECK),
/// <c>users</c> manages accounts (see <see cref="UserCommands"/>) and <c>tokens</c> makes, lists and revokes personal
/// access tokens in the server's database.
/// </summary>
public static class ServerCommands
{
    public const string HealthCheckCommand = "healthcheck";
    public const string TokensCommand = "tokens";
    public const string WorkerCommand = "worker";

    /// <summary>The exit code of a command, or null when the arguments name none and the server should start.</summary>
    public static int? Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        // The container's entry point puts the host's own options (--contentRoot /app) before the command.
        while (args is [['-', '-', ..], _, ..])
        {
            args = args[2..];
        }
        if (args is [.., HostedUsers.HashPasswordCommand])
        {
            return HashPassword(input, output, error);
        }
        if (args is [TokensCommand, .. var tokenArgs])
        {
            var (database, _) = ConfiguredStore();
            return Tokens(tokenArgs, new AccessTokens(database, TimeProvider.System), new UserAccounts(database, TimeProvider.System), output, error);
        }
        if (args is [UserCommands.Name, .. var userArgs])
        {
            var (database, store) = ConfiguredStore();
            var accounts = new UserAccounts(database, TimeProvider.System);
            return UserCommands.Run(userArgs, accounts, new Invitations(database, accounts, TimeProvider.System), new OwnerPurge(database, store),
                input, output, error);
        }
        if (args is [.., HealthCheckCommand])
        {
            return CheckHealthAsync(Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS"), Environment.GetEnvironmentVariable("ASPNETCORE_URLS"), error)
                .GetAwaiter().GetResult();
        }
        return null;
    }

    private static int HashPassword(TextReader input, TextWriter output, TextWriter error)
    {
        string password = input.ReadLine() ?? "";
        if (password.Length == 0)
        {
            error.WriteLine("type the password on standard input, e.g. read -rs P && echo \"$P\" | dotnet run --project Server --no-launch-profile -- hash-password");
            return 2;
        }
        try
        {
            UserAccounts.CheckPassword(password);
        }
        catch (AccountException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
        output.WriteLine(PasswordHash.Create(password));
        return 0;
    }

    /// <summary>
    /// <c>tokens create NAME --user USER</c> prints only the new token; <c>tokens list --user USER</c> one line a token;
    /// <c>tokens revoke ID --user USER</c> deletes one.
    /// </summary>
    public static int Tokens(string[] args, AccessTokens tokens, UserAccounts accounts, TextWriter output, TextWriter error)
    {
        switch (args)
        {
            case ["create", var name, "--user", var user]:
                if (user != LocalUser.Name && accounts.Find(user) is null)
                {
                    error.WriteLine($"error: there is no user named {user} (see: users list)");
                    return 2;
                }
                try
                {
                    output.WriteLine(tokens.Create(accounts.Find(user)?.Name ?? user, name).Token);
                    return 0;
                }
                catch (ArgumentException e)
                {
                    error.WriteLine($"error: {e.Message}");
                    return 2;
                }
            case ["list", "--user", var user]:
                foreach (var token in tokens.List(user))
                {
                    output.WriteLine($"{token.Id}\t{token.Name}\tcreated {token.Created:yyyy-MM-dd HH:mm}\t{(token.LastUsed is { } used ? $"last used {used:yyyy-MM-dd HH:mm}" : "never used")}");
                }
                return 0;
            case ["revoke", var id, "--user", var user]:
                if (tokens.Revoke(user, id))
                {
                    return 0;
                }
                error.WriteLine($"error: {user} has no token {id} (see: tokens list --user {user})");
                return 2;
            default:
                error.WriteLine("usage: tokens create NAME --user USER | tokens list --user USER | tokens revoke ID --user USER");
                return 2;
        }
    }

    /// <summary>The database and the files the server would open with the same configuration.</summary>
    private static (PlaygroundDatabase Database, ContentStore Files) ConfiguredStore()
    {
        var configuration = WebApplication.CreateBuilder().Configuration;
        var options = configuration.GetSection(PlaygroundOptions.Section).Get<PlaygroundOptions>() ?? new PlaygroundOptions();
        string folder = RepositoryLayout.Find(Directory.GetCurrentDirectory()).Resolve(options.DataPath);
        return (PlaygroundDatabase.Open(options, folder), new ContentStore(PlaygroundServices.FilesFolder(options, folder)));
    }

    /// <summary>GETs /healthz on the port the server listens on: exit 0 when it answers 200, 1 otherwise.</summary>
    public static async Task<int> CheckHealthAsync(string? httpPorts, string? urls, TextWriter error)
    {
        string port = httpPorts?.Split(';', ',')[0].Trim() is { Length: > 0 } first ? first : PortOf(urls) ?? "8080";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync($"http://127.0.0.1:{port}{HealthEndpoint.Path}");
            if (response.IsSuccessStatusCode)
            {
                return 0;
            }
            error.WriteLine($"unhealthy: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            error.WriteLine($"no answer on port {port}: {e.Message}");
            return 1;
        }
    }

    private static string? PortOf(string? urls) =>
        urls?.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(url => url.Replace("+", "localhost").Replace("*", "localhost"))
            .Select(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : null)
            .FirstOrDefault(port => port is not null);
}
