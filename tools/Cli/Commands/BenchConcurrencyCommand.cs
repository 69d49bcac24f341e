using System.CommandLine;
using System.Globalization;
using DreamOmni2.Cli.Bench;

namespace DreamOmni2.Cli.Commands;

/// <summary>
/// <c>dreamomni2 bench concurrency</c>: 1, 4 and 8 users of one running server at once, each submitting and watching
/// its jobs in turn: throughput against one user's, submit round trips, and each user's job times.
/// </summary>
public static class BenchConcurrencyCommand
{
    public static Command Create(CliConsole console)
    {
        var server = new Option<string>("--server") { Description = "a running playground in local mode", Required = true, HelpName = "URL" };
        var users = new Option<int[]>("--users") { Description = "user counts, measured in turn", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [1, 4, 8] };
        var jobs = new Option<int>("--jobs") { Description = "jobs each user runs at each count", DefaultValueFactory = _ => 16 };
        var steps = new Option<int>("--steps") { Description = "denoising steps a job", DefaultValueFactory = _ => 4 };
        var rounds = new Option<int>("--rounds") { Description = "times the user counts take turns", DefaultValueFactory = _ => 2 };
        var command = new Command("concurrency", "measure a server's throughput and waits with several users at once") { server, users, jobs, steps, rounds };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var counts = parsed.GetValue(users)!;
            if (counts.Length == 0 || counts.Any(c => c < 1) || parsed.GetValue(jobs) < 1 || parsed.GetValue(rounds) < 1)
            {
                throw new ArgumentException("--users, --jobs and --rounds must be at least 1");
            }
            var address = RemoteRun.Address(parsed.GetValue(server)!);
            var levels = counts.ToDictionary(c => c, _ => new List<ConcurrencyLevel>());
            // One uncounted level first: the server's first jobs pay for JIT compilation and ONNX Runtime's arenas.
            await ConcurrentUsers.RunAsync(address, 1, 2, parsed.GetValue(steps), cancellationToken);
            for (int round = 0; round < parsed.GetValue(rounds); round++)
            {
                foreach (int count in counts)
                {
                    levels[count].Add(await ConcurrentUsers.RunAsync(address, count, parsed.GetValue(jobs), parsed.GetValue(steps), cancellationToken));
                }
            }
            Print(console.Out, levels);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(TextWriter output, Dictionary<int, List<ConcurrencyLevel>> levels)
    {
        double single = Medians.Of(levels.Values.First().Select(l => l.JobsPerSecond));
        output.WriteLine($"{"users",5} {"jobs/s",8} {"÷ first",8} {"submit ms (median / p90)",26} {"job ms, median per user (min–max)",36} {"slowest job ms",15} {"lost",5}");
        foreach (var (users, runs) in levels)
        {
            var all = runs.SelectMany(l => l.Runs).ToList();
            var submits = all.SelectMany(r => r.SubmitMs).Order().ToList();
            var perUser = all.Select(r => Medians.Of(r.JobMs)).ToList();
            double rate = Medians.Of(runs.Select(l => l.JobsPerSecond));
            int lost = all.Sum(r => r.JobMs.Count - r.Completed);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{users,5} {rate,8:0.00} {rate / single,8:0.00} {$"{Medians.Of(submits):0.0} / {submits[(int)(0.9 * (submits.Count - 1))]:0.0}",26} " +
                $"{$"{perUser.Min():0} – {perUser.Max():0}",36} {all.Max(r => r.JobMs.Max()),15:0} {lost,5}"));
        }
        output.WriteLine("jobs/s: median over rounds; a user submits its next job when the last one ends; lost: jobs that did not complete");
    }
}
