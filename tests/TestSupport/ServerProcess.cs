using System.Diagnostics;

namespace DreamOmni2.TestSupport;

/// <summary>The server binary run as its own process, as an operator runs it, for what only a real process shows (exit codes, stderr).</summary>
public sealed record ServerProcess(int ExitCode, string Output, string Error)
{
    public static async Task<ServerProcess> RunAsync(IReadOnlyDictionary<string, string> environment, string? standardInput = null, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            await process.StandardInput.WriteLineAsync(standardInput);
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the server did not exit within a minute");
        }
        return new ServerProcess(process.ExitCode, await output, await error);
    }
}
