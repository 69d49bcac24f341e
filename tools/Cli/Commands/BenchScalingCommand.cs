using System.CommandLine;
using DreamOmni2.Cli.Bench;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace DreamOmni2.Cli.Commands;

/// <summary>
/// <c>dreamomni2 bench scaling</c>: step time of the tiny pack's edit at several token counts (more references, and
/// larger ones), with a quadratic fit in the number of image tokens.
/// </summary>
public static class BenchScalingCommand
{
    /// <summary>(square side in pixels, images): 64 px is 64 tokens an image on the tiny pack, 128 px 256, 256 px 1,024.</summary>
    private static readonly (int Side, int Images)[] s_cases = [(64, 1), (64, 2), (64, 4), (128, 1), (128, 2), (128, 4), (256, 1), (256, 2)];

    public static Command Create(CliConsole console)
    {
        var pack = new Option<string>("--pack") { Description = "the pack (default: packs/tiny)", HelpName = "DIR" };
        var steps = new Option<int>("--steps") { Description = "steps measured per size", DefaultValueFactory = _ => 6 };
        var threads = CommonOptions.ThreadCounts();
        var provider = CommonOptions.Provider();
        var command = new Command("scaling", "measure how step time grows with the number of image tokens") { pack, steps, threads, provider };
        command.SetAction((parsed, cancellationToken) =>
        {
            if (parsed.GetValue(steps) < 1)
            {
                throw new ArgumentException("--steps must be at least 1");
            }
            var threadCounts = CommonOptions.ThreadCountsOrDefault(parsed.GetValue(threads));
            string packFolder = parsed.GetValue(pack) ?? PackLocator.RepositoryPack("tiny");
            var rows = threadCounts.ToDictionary(t => t, _ => new List<BenchRow>());
            foreach (var (side, images) in s_cases)
            {
                using var view = new RebucketedPack(packFolder, side);
                var request = BenchCommand.Edit(
                    new RequestRules(view.Pack.Manifest), Enumerable.Range(1, images).Select(i => (ReadOnlyMemory<byte>)GradientPattern.Png(side, side, i)).ToList(), previews: false);
                foreach (int t in threadCounts)
                {
                    using var sessions = PackSessions.Open(view.Pack, parsed.GetValue(provider), NullLogger.Instance, t);
                    rows[t].Add(StepBenchmark.Measure(sessions, request, parsed.GetValue(steps), cancellationToken));
                }
            }
            Print(console.Out, rows);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>A row per size: ONNX ms/step at each thread count, then the engine's own time at the first.</summary>
    private static void Print(TextWriter output, Dictionary<int, List<BenchRow>> rows)
    {
        var first = rows.Values.First();
        output.WriteLine(
            $"{"image tokens (target+refs)",28} {string.Concat(rows.Keys.Select(t => $"{$"ONNX ms/step, {t} thr",20} "))}{"engine ms/step",15} {"engine %",9}");
        for (int i = 0; i < first.Count; i++)
        {
            var r = first[i];
            output.WriteLine(
                $"{$"{r.TargetTokens + r.ReferenceTokens} ({r.TargetTokens}+{r.ReferenceTokens})",28} " +
                $"{string.Concat(rows.Values.Select(list => $"{list[i].OnnxMsPerStep,20:0.000} "))}{r.EngineMsPerStep,15:0.000} {r.EngineShare * 100,8:0.00}%");
        }
        foreach (var (threads, list) in rows)
        {
            var fit = QuadraticFit.Of(list.Select(r => ((double)(r.TargetTokens + r.ReferenceTokens), r.OnnxMsPerStep)).ToList());
            output.WriteLine($"{threads} threads: ONNX ms/step ≈ {fit.A:0.00} + {fit.B:0.0000}·N + {fit.C:0.0e+0}·N² for N image tokens");
        }
        output.WriteLine($"least squares over medians of {first[0].Steps} steps each; the thread counts take turns at each size; engine: the first thread count's");
    }
}
