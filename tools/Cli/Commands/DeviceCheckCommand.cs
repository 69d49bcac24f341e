using System.CommandLine;
using DreamOmni2.Cli.Bench;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Pipeline;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine.Runtime;
using DreamOmni2.Engine;
using Microsoft.ML.OnnxRuntime;

namespace DreamOmni2.Cli.Commands;

/// <summary>
/// <c>dreamomni2 device-check</c>: proves an execution provider really runs (ONNX Runtime's profile of a probe run
/// names it), then makes each pack's picture on it and on the CPU, reports the largest pixel difference and times a
/// step on both. On a machine without CUDA it reports the fallback, which is how CI checks its logic.
/// </summary>
public static class DeviceCheckCommand
{
    private static readonly string[] s_repositoryPacks = ["tiny", "fixture", "fixture-lora"];

    public static Command Create(CliConsole console)
    {
        var provider = CommonOptions.Provider();
        provider.DefaultValueFactory = _ => ExecutionProviderChoice.Cuda;
        var packs = new Option<string[]>("--pack") { Description = "a pack to run; repeat (default: the repository's tiny, fixture and fixture-lora)", HelpName = "DIR" };
        var steps = new Option<int>("--steps") { Description = "steps timed per pack and provider", DefaultValueFactory = _ => 8 };
        var require = new Option<bool>("--require-device") { Description = $"exit {ExitCodes.DeviceNotUsed} unless the requested provider ran the graphs" };
        var command = new Command("device-check", "prove the execution provider runs and compare its pictures with the CPU's") { provider, packs, steps, require };
        command.SetAction((parsed, cancellationToken) =>
        {
            if (parsed.GetValue(steps) < 1)
            {
                throw new ArgumentException("--steps must be at least 1");
            }
            var output = console.Out;
            var requested = parsed.GetValue(provider);
            output.WriteLine($"ONNX Runtime {OrtEnv.Instance().GetVersionString()}; providers in this build: {string.Join(", ", OrtEnv.Instance().GetAvailableProviders())}");
            string expected = ProviderName(requested);
            bool proven = Prove(output, requested, expected);

            var folders = parsed.GetValue(packs) is { Length: > 0 } given ? given : s_repositoryPacks.Select(PackLocator.RepositoryPack).ToArray();
            output.WriteLine($"{"pack",-14} {"runs on",8} {"ms/step",9} {"ms/step cpu",12} {$"pixels {requested.ToString().ToLowerInvariant()} vs cpu",22}");
            bool ranEverywhere = true;
            foreach (string folder in folders)
            {
                var pack = ModelPack.Load(folder);
                using var device = PackSessions.Open(pack, requested, new StderrLogger(console.Error));
                using var cpu = PackSessions.Open(pack, ExecutionProviderChoice.Cpu);
                ranEverywhere &= device.Provider == requested;
                var request = Request(pack);
                var difference = PixelDifference.Between(ReferenceBenchmark.RunEngine(cpu, request).Rgb, ReferenceBenchmark.RunEngine(device, request).Rgb);
                double deviceMs = StepBenchmark.Measure(device, request, parsed.GetValue(steps), cancellationToken).OnnxMsPerStep;
                double cpuMs = StepBenchmark.Measure(cpu, request, parsed.GetValue(steps), cancellationToken).OnnxMsPerStep;
                output.WriteLine($"{pack.Name,-14} {ProviderName(device.Provider)[..^"ExecutionProvider".Length],8} {deviceMs,9:0.000} {cpuMs,12:0.000} {difference,22}");
            }
            bool used = proven && ranEverywhere;
            output.WriteLine(used
                ? $"result: {expected} ran every pack"
                : $"result: FALLBACK, {expected} did not run; the pictures above came from the CPU");
            return Task.FromResult(used || !parsed.GetValue(require) ? ExitCodes.Success : ExitCodes.DeviceNotUsed);
        });
        return command;
    }

    /// <summary>Runs the probe graph on the provider and says which providers ONNX Runtime's profile shows ran it.</summary>
    private static bool Prove(TextWriter output, ExecutionProviderChoice requested, string expected)
    {
        try
        {
            var ranOn = ProviderProof.NodesRanOn(requested);
            output.WriteLine($"probe graph: its nodes ran on {string.Join(", ", ranOn)}");
            return ranOn.Contains(expected);
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            output.WriteLine($"probe graph: {expected} cannot run here: {e.Message.Split('\n', 2)[0].Trim()}");
            return false;
        }
    }

    /// <summary>A 2-image edit at the pack's first bucket, or a generation for a pack without the edit mode.</summary>
    private static PipelineInput Request(ModelPack pack)
    {
        var size = pack.Manifest.Defaults.Buckets[0];
        var rules = new RequestRules(pack.Manifest);
        return pack.Manifest.Transformer.Modes.Edit is null
            ? PipelineInput.ForPrompt(rules, new GenerationRequest { Mode = GenerationMode.Generate, Prompt = "a red circle", Seed = 1, Previews = false }, [])
            : BenchCommand.Edit(rules, [GradientPattern.Png(size.Width, size.Height, 1), GradientPattern.Png(size.Width, size.Height, 2)], previews: false);
    }

    private static string ProviderName(ExecutionProviderChoice provider) =>
        provider == ExecutionProviderChoice.Cuda ? "CUDAExecutionProvider" : "CPUExecutionProvider";
}
