using System.CommandLine;
using DreamOmni2.Cli.Commands;
using DreamOmni2.Client;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Requests;

namespace DreamOmni2.Cli;

/// <summary>The <c>dreamomni2</c> command line: one file per command under Commands/, errors mapped to exit codes here.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot(CliConsole console) => new("DreamOmni2 Playground: multi-reference image editing and generation on FLUX.1 Kontext through ONNX Runtime")
    {
        RunCommand.Create(console),
        ShareCommand.Create(console),
        TranslateCommand.Create(console),
        PackCommand.Create(console),
        BenchCommand.Create(console),
        EvalCommand.Create(console),
        DeviceCheckCommand.Create(console),
    };

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ParseResult parsed;
        try
        {
            parsed = BuildRoot(console).Parse(args);
        }
        catch (InvalidOperationException e)
        {
            // A command's validator read a value the parser could not convert (an option given twice, say).
            await console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await console.Error.WriteLineAsync($"error: {error.Message}");
            }
            return ExitCodes.BadInput;
        }
        try
        {
            var configuration = new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            };
            return await parsed.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception e)
        {
            return Report(e, console.Error);
        }
    }

    /// <summary>Writes what went wrong and returns the exit code for it.</summary>
    internal static int Report(Exception e, TextWriter error)
    {
        switch (e)
        {
            case OperationCanceledException:
                error.WriteLine("cancelled");
                return ExitCodes.Cancelled;
            case var _ when IsBadInput(e):
                error.WriteLine($"error: {OneLine(e.Message)}");
                return ExitCodes.BadInput;
            default:
                error.WriteLine($"internal error: {e}");
                return ExitCodes.InternalError;
        }
    }

    private static bool IsBadInput(Exception e) =>
        e is InvalidRequestException or PlaygroundRequestException or PackValidationException or ArgumentException or FileNotFoundException
            or DirectoryNotFoundException;

    /// <summary>The first line, with a count of the lines left out (a pack can have several problems).</summary>
    private static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length <= 1 ? message.Trim() : $"{lines[0]} (and {lines.Length - 1} more problems: see `dreamomni2 pack validate`)";
    }
}
