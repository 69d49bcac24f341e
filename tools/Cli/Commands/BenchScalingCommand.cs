using System.CommandLine;
using DreamOmni2.Cli.Bench;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Runtime;

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
        var threads = CommonOptions.Threads();
        var provider = CommonOptions.Provider();
        var command = new Command("scaling", "measure how step time grows with the number of image tokens") { pack, steps, threads, provider };
        command.SetAction((parsed, cancellationToken) =>
        {
            if (parsed.GetValue(steps) < 1)
            {
                throw new ArgumentException("--steps must be at least 1");
            }
            string packFolder = parsed.GetValue(pack) ?? PackLocator.RepositoryPack("tiny");
            var rows = new List<BenchRow>();
            foreach (var (side, images) in s_cases)
            {
                using var view = new RebucketedPack(packFolder, side);
                using var sessions = PackSessions.Open(view.Pack, parsed.GetValue(provider), new StderrLogger(console.Error), parsed.GetValue(threads));
                var request = BenchCommand.Edit(Enumerable.Range(1, images).Select(i => (ReadOnlyMemory<byte>)GradientPattern.Png(side, side, i)).ToList())
                    with { Previews = false };
                rows.Add(StepBenchmark.Measure(sessions, request, parsed.GetValue(steps), cancellationToken));
            }
            Print(console.Out, rows);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static void Print(TextWriter output, List<BenchRow> rows)
    {
        output.WriteLine($"{"image tokens (target+refs)",28} {"ms/step ONNX",13} {"ms/step engine",15} {"engine %",9}");
        foreach (var r in rows)
        {
            output.WriteLine(
                $"{$"{r.TargetTokens + r.ReferenceTokens} ({r.TargetTokens}+{r.ReferenceTokens})",28} {r.OnnxMsPerStep,13:0.000} {r.EngineMsPerStep,15:0.000} {r.EngineShare * 100,8:0.00}%");
        }
        var fit = QuadraticFit.Of(rows.Select(r => ((double)(r.TargetTokens + r.ReferenceTokens), r.OnnxMsPerStep)).ToList());
        output.WriteLine($"ONNX ms/step ≈ {fit.A:0.00} + {fit.B:0.0000}·N + {fit.C:0.0e+0}·N² for N image tokens (least squares; medians over {rows[0].Steps} steps each)");
    }
}
