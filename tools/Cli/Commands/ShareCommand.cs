using System.CommandLine;
using System.Globalization;
using DreamOmni2.Client;
using DreamOmni2.Contracts;

namespace DreamOmni2.Cli.Commands;

/// <summary>
/// <c>dreamomni2 share JOB_ID --server URL</c>: prints a read-only link to a finished job on a playground server;
/// <c>dreamomni2 share --revoke LINK --server URL</c> revokes one. A refusal, a bad token or an unreachable server is
/// exit code 2 with the reason in one line.
/// </summary>
public static class ShareCommand
{
    public static Command Create(CliConsole console)
    {
        var job = new Argument<string?>("JOB_ID") { Description = "the finished job to share (a cell of a grid shares the grid, a round of check and retry the chain)", Arity = ArgumentArity.ZeroOrOne };
        var revoke = new Option<string>("--revoke") { Description = "revoke this share link (its address or token) instead of making one", HelpName = "LINK" };
        var server = new Option<string>("--server") { Description = "the playground server", HelpName = "URL", Required = true };
        var token = new Option<string>("--token") { Description = $"an access token for the server (default: ${RemoteRun.TokenVariable})", HelpName = "TOKEN" };
        var showInputs = new Option<bool>("--show-inputs") { Description = "show the input images, the instruction and the prompt on the shared page" };
        var keepParameters = new Option<bool>("--keep-parameters") { Description = "keep the generation parameters in the shared PNG (removed by default)" };
        var expires = new Option<string>("--expires") { Description = "the link stops working after this long: 30m, 12h, 7d (default: never, until revoked)", HelpName = "DURATION" };

        var command = new Command("share", "make or revoke a read-only link to a finished job on a playground server")
        {
            job, revoke, server, token, showInputs, keepParameters, expires,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(job) is null) == (result.GetResult(revoke) is null))
            {
                result.AddError("give a JOB_ID to share, or --revoke LINK, not both");
            }
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var address = RemoteRun.Address(parsed.GetValue(server)!);
            await using var client = await PlaygroundClient.ConnectAsync(address, parsed.GetValue(token) ?? Environment.GetEnvironmentVariable(RemoteRun.TokenVariable), cancellationToken);
            if (parsed.GetValue(revoke) is { } link)
            {
                if (!await client.RevokeShareLinkAsync(link, cancellationToken))
                {
                    await console.Error.WriteLineAsync($"error: you have no share link {link} on {address} (already revoked, or someone else's)");
                    return ExitCodes.BadInput;
                }
                await console.Out.WriteLineAsync($"revoked {link}");
                return ExitCodes.Success;
            }
            var options = new ShareOptions(parsed.GetValue(showInputs), parsed.GetValue(keepParameters),
                parsed.GetValue(expires) is { } text ? ParseDuration(text) : null);
            await console.Out.WriteLineAsync((await client.CreateShareLinkAsync(parsed.GetValue(job)!, options, cancellationToken)).ToString());
            return ExitCodes.Success;
        });
        return command;
    }

    /// <exception cref="ArgumentException">Not a whole number followed by m, h or d.</exception>
    internal static TimeSpan ParseDuration(string text)
    {
        string trimmed = text.Trim().ToLowerInvariant();
        if (trimmed.Length >= 2 && int.TryParse(trimmed[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count > 0)
        {
            switch (trimmed[^1])
            {
                case 'm': return TimeSpan.FromMinutes(count);
                case 'h': return TimeSpan.FromHours(count);
                case 'd': return TimeSpan.FromDays(count);
            }
        }
        throw new ArgumentException($"--expires takes a whole number of minutes, hours or days, such as 30m, 12h or 7d; got '{text}'");
    }
}
