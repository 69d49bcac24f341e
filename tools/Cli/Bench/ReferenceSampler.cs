using System.Diagnostics;
using System.Globalization;

namespace DreamOmni2.Cli.Bench;

/// <summary>
/// <c>tools/trainer/reference_sampler.py</c> as a child process: one command per line on its standard input, one
/// answer per line on its standard output, so its runs can be interleaved with the engine's in one measurement.
/// </summary>
internal sealed class ReferenceSampler : IDisposable
{
    private readonly Process _process;

    public ReferenceSampler(string python, string script, string pack, string caseFolder)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { script, "--pack", pack, "--case", caseFolder })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{python} did not start");
        Version = Read("ready ");
    }

    /// <summary>What the script reported of itself ("torch 1.13.0a0").</summary>
    public string Version { get; }

    /// <summary>Runs the case's forward inputs through the transformer once.</summary>
    public void Forward() => Ask("forward", "ok");

    /// <summary>One whole image; the milliseconds the script measured around it.</summary>
    public double Image(string dtype, int threads) =>
        double.Parse(Ask($"image {dtype} {threads}", "ms "), CultureInfo.InvariantCulture);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.WriteLine("quit");
            _process.StandardInput.Close();
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private string Ask(string command, string prefix)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
        return Read(prefix);
    }

    private string Read(string prefix)
    {
        string line = _process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException($"the reference sampler exited (code {(_process.WaitForExit(5000) ? _process.ExitCode : -1)})");
        return line.StartsWith(prefix, StringComparison.Ordinal)
            ? line[prefix.Length..].Trim()
            : throw new InvalidOperationException($"the reference sampler answered '{line}'");
    }
}
