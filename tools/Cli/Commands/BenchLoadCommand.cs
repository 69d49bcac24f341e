using System.CommandLine;
using System.Globalization;
using DreamOmni2.Cli.Bench;

namespace DreamOmni2.Cli.Commands;

/// <summary>
/// <c>dreamomni2 bench load</c>: a burst of clients, each a <see cref="Client.PlaygroundClient"/> of its own, submitting
/// all their jobs at once to a running server: what was accepted, refused (and why), completed, failed, lost or
/// duplicated, how long each client's jobs waited in the queue, and the server's memory before, at peak and after.
/// </summary>
public static class BenchLoadCommand
{
    public static Command Create(CliConsole console)
    {
        var server = new Option<string>("--server") { Description = "a running playground", Required = true, HelpName = "URL" };
        var clients = new Option<int>("--clients") { Description = "clients at once, each with a connection of its own", DefaultValueFactory = _ => 50 };
        var jobs = new Option<int>("--jobs")
        {
            Description = $"jobs each client submits at once (watched {LoadClient.WatchesAtOnce} at a time, a server's limit per connection)",
            DefaultValueFactory = _ => 2,
        };
        var steps = new Option<int?>("--steps") { Description = "denoising steps a job (default: the server's)", HelpName = "N" };
        var token = new Option<string>("--token") { Description = $"one access token for every client (default: ${RemoteRun.TokenVariable})", HelpName = "TOKEN" };
        var tokens = new Option<FileInfo>("--tokens")
        {
            Description = "a file of access tokens, one a line: client i uses line i mod their count, so that clients can be different users",
            HelpName = "FILE",
        };
        var timeout = new Option<int>("--timeout") { Description = "seconds to wait for every job to end before the rest count as lost", DefaultValueFactory = _ => 600 };
        var settle = new Option<int>("--settle") { Description = "seconds the server is left idle before its memory is read again", DefaultValueFactory = _ => 60 };
        var command = new Command("load", "put a burst of clients on a server: jobs accepted, refused, lost, queue waits and the server's memory")
        {
            server, clients, jobs, steps, token, tokens, timeout, settle,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            if (parsed.GetValue(clients) < 1 || parsed.GetValue(jobs) < 1 || parsed.GetValue(steps) < 1 || parsed.GetValue(timeout) < 1)
            {
                throw new ArgumentException("--clients, --jobs, --steps and --timeout must be at least 1");
            }
            if (parsed.GetValue(settle) < 0)
            {
                throw new ArgumentException("--settle cannot be negative");
            }
            var settings = new LoadSettings(
                RemoteRun.Address(parsed.GetValue(server)!), parsed.GetValue(clients), parsed.GetValue(jobs), parsed.GetValue(steps),
                Tokens(parsed.GetValue(token), parsed.GetValue(tokens)),
                TimeSpan.FromSeconds(parsed.GetValue(timeout)), TimeSpan.FromSeconds(parsed.GetValue(settle)));
            var result = await LoadBenchmark.RunAsync(settings, console.Error, cancellationToken);
            Print(console.Out, settings, result);
            return ExitCodes.Success;
        });
        return command;
    }

    private static List<string?> Tokens(string? token, FileInfo? file)
    {
        if (file is null)
        {
            return (token ?? Environment.GetEnvironmentVariable(RemoteRun.TokenVariable)) is { Length: > 0 } one ? [one] : [];
        }
        if (token is not null)
        {
            throw new ArgumentException("give --token or --tokens, not both");
        }
        var lines = File.ReadAllLines(file.FullName).Select(l => l.Trim()).Where(l => l.Length > 0).ToList<string?>();
        return lines.Count > 0 ? lines : throw new ArgumentException($"{file.FullName} holds no tokens: write one a line");
    }

    private static void Print(TextWriter output, LoadSettings settings, LoadResult result)
    {
        var users = settings.Tokens.Count <= 1 ? "one user" : $"{Math.Min(settings.Tokens.Count, settings.Clients)} users";
        output.WriteLine($"{settings.Clients} clients ({users}) × {settings.JobsPerClient} jobs on {settings.Server}, after one uncounted warm-up job");
        output.WriteLine($"submitted  {result.Submitted,6}");
        output.WriteLine($"accepted   {result.Accepted,6}");
        output.WriteLine($"refused    {result.Refused,6}");
        foreach (var (reason, count) in result.RefusalReasons)
        {
            output.WriteLine($"  {count,6} {reason}");
        }
        output.WriteLine($"completed  {result.Completed,6}");
        output.WriteLine($"failed     {result.Failed,6}");
        output.WriteLine($"lost       {result.Lost,6}");
        output.WriteLine($"duplicated {result.Duplicated,6}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load took {result.Elapsed.TotalSeconds:0.0} s, first submit to last job's end"));
        PrintWaits(output, result.Clients);
        PrintMemory(output, result.Memory, settings.Settle);
    }

    /// <summary>Queue waits, acceptance to the first update past Queued: over all jobs, then per client.</summary>
    private static void PrintWaits(TextWriter output, IReadOnlyList<ClientRun> clients)
    {
        var all = clients.SelectMany(c => c.Waits).ToList();
        if (all.Count == 0)
        {
            output.WriteLine("queue wait: no job was seen leaving the queue");
            return;
        }
        var seen = clients.Where(c => c.Waits.Any()).ToList();
        var medians = seen.Select(c => Medians.Of(c.Waits)).ToList();
        var maxima = seen.Select(c => c.Waits.Max()).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"queue wait ms, all jobs: median {Medians.Of(all):0}, max {all.Max():0}; per client: medians {medians.Min():0} – {medians.Max():0}, maxima {maxima.Min():0} – {maxima.Max():0}"));
        output.WriteLine($"{"client",6} {"accepted",8} {"refused",8} {"wait median ms",15} {"wait max ms",12}");
        foreach (var client in clients)
        {
            var waits = client.Waits.ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{client.Client + 1,6} {client.Submits.Count(s => s.JobId is not null),8} {client.Submits.Count(s => s.Refusal is not null),8} " +
                $"{(waits.Count > 0 ? Medians.Of(waits).ToString("0", CultureInfo.InvariantCulture) : "-"),15} {(waits.Count > 0 ? waits.Max().ToString("0", CultureInfo.InvariantCulture) : "-"),12}"));
        }
    }

    private static void PrintMemory(TextWriter output, ServerSamples? memory, TimeSpan settle)
    {
        if (memory is null)
        {
            output.WriteLine("server memory: n/a (needs an admin's token)");
            return;
        }
        var (before, peak, after) = (memory.Before, memory.Peak, memory.After);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"server memory, working set: before {Mib(before.WorkingSetBytes)}, peak {Mib(peak.WorkingSetBytes)}, {settle.TotalSeconds:0} s after {Mib(after.WorkingSetBytes)} " +
            $"({(after.WorkingSetBytes - before.WorkingSetBytes) * 100.0 / before.WorkingSetBytes:+0.0;-0.0}% of before)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"server memory, managed heap: before {Mib(before.ManagedHeapBytes)}, peak {Mib(peak.ManagedHeapBytes)}, after {Mib(after.ManagedHeapBytes)}"));
        output.WriteLine($"server queue at peak: {peak.Queued} queued, {peak.Running} running ({memory.Count} samples, every {ServerSampler.Interval.TotalMilliseconds:0} ms)");
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB");
}
