using System.CommandLine;
using DreamOmni2.Cli.Bench;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Pipeline;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine.Runtime;
using DreamOmni2.Engine;

namespace DreamOmni2.Cli.Commands;

/// <summary>
/// <c>dreamomni2 bench</c>: per-step time inside ONNX Runtime against the engine's own time around it, on the fixture
/// pack at its default size and on real-size tensors (a 2-reference 1 MP edit) through a graph that does little work.
/// </summary>
public static class BenchCommand
{
    public static Command Create(CliConsole console)
    {
        var steps = new Option<int>("--steps") { Description = "steps measured per pack", DefaultValueFactory = _ => 8 };
        var fixture = new Option<string>("--fixture") { Description = "the small pack (default: packs/fixture)", HelpName = "DIR" };
        var real = new Option<string>("--real") { Description = "the real-size pack (default: packs/bench-passthrough)", HelpName = "DIR" };
        var previews = new Option<bool>("--no-previews") { Description = "measure without step previews" };
        var provider = CommonOptions.Provider();
        var threads = CommonOptions.Threads();
        var command = new Command("bench", "measure the engine's share of each denoising step") { steps, fixture, real, previews, provider, threads };
        command.Subcommands.Add(BenchReferenceCommand.Create(console));
        command.Subcommands.Add(BenchScalingCommand.Create(console));
        command.Subcommands.Add(BenchConcurrencyCommand.Create(console));
        command.Subcommands.Add(BenchLoadCommand.Create(console));
        command.SetAction((parsed, cancellationToken) =>
        {
            int count = parsed.GetValue(steps);
            if (count <= 0)
            {
                throw new ArgumentException("--steps must be at least 1");
            }
            var cases = new (string Pack, IReadOnlyList<ReadOnlyMemory<byte>> Images)[]
            {
                (parsed.GetValue(fixture) ?? PackLocator.RepositoryPack("fixture"), [GradientPattern.Png(128, 128, 1), GradientPattern.Png(160, 96, 2)]),
                (parsed.GetValue(real) ?? PackLocator.RepositoryPack("bench-passthrough"), [GradientPattern.Png(1024, 1024, 1), GradientPattern.Png(1184, 880, 2)]),
            };
            var rows = new List<BenchRow>();
            foreach (var (packDirectory, images) in cases)
            {
                using var sessions = PackSessions.Open(
                    ModelPack.Load(packDirectory), parsed.GetValue(provider), new StderrLogger(console.Error), parsed.GetValue(threads));
                rows.Add(StepBenchmark.Measure(sessions, Edit(sessions.Rules, images, !parsed.GetValue(previews)), count, cancellationToken));
            }
            Print(console.Out, rows, !parsed.GetValue(previews));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>The benchmarks' edit: image 1 edited after the others, seed 1.</summary>
    internal static PipelineInput Edit(RequestRules rules, IReadOnlyList<ReadOnlyMemory<byte>> images, bool previews = true) => PipelineInput.ForPrompt(
        rules,
        new GenerationRequest { Mode = GenerationMode.Edit, Prompt = "make the circle in image 1 have the color of image 2", Seed = 1, Previews = previews },
        images);

    private static void Print(TextWriter output, List<BenchRow> rows, bool previews)
    {
        output.WriteLine($"{"pack",-20} {"tokens (target+refs)",22} {"steps",5} {"ms/step ONNX",13} {"ms/step engine",15} {"engine %",9} {"bytes/step",11}");
        foreach (var r in rows)
        {
            output.WriteLine(
                $"{r.Pack,-20} {$"{r.TargetTokens + r.ReferenceTokens} ({r.TargetTokens}+{r.ReferenceTokens})",22} {r.Steps,5} " +
                $"{r.OnnxMsPerStep,13:0.000} {r.EngineMsPerStep,15:0.000} {r.EngineShare * 100,8:0.00}% {r.BytesPerStep,11:N0}");
        }
        output.WriteLine("ms/step: medians over the steps; bytes/step: managed allocation on the stepping thread, per step");
        output.WriteLine(previews
            ? "engine time includes the linear step preview, whose image is most of the bytes"
            : "measured without step previews");
    }
}
