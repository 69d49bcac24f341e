using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DreamOmni2.TestSupport;

/// <summary>
/// The server binary running as a process of its own, as an operator starts it, until the test kills it (as
/// <c>kill -9</c> would) or disposes it. Its output is kept, line by line, for the test to read.
/// </summary>
public sealed partial class RunningServer : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunningServer(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Everything the process wrote so far, standard output and error together.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public static async Task<RunningServer> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Playground__PackPath"] = "packs/fixture";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var server = new RunningServer(Process.Start(start)!);
        server._process.OutputDataReceived += (_, line) => server.Received(line.Data);
        server._process.ErrorDataReceived += (_, line) => server.Received(line.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using (timeout.Token.Register(() => server._listening.TrySetException(
            new TimeoutException($"the server did not start within a minute:\n{string.Join('\n', server.Lines)}"))))
        {
            server.BaseAddress = await server._listening.Task;
        }
        return server;
    }

    /// <summary>Ends the process at once, giving it no chance to clean up.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            _listening.TrySetException(new InvalidOperationException($"the server exited:\n{string.Join('\n', Lines)}"));
            return;
        }
        lock (_lines)
        {
            _lines.Add(line);
        }
        if (Listening().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    [GeneratedRegex(@"DreamOmni2 Playground: open (http://\S+)")]
    private static partial Regex Listening();
}
