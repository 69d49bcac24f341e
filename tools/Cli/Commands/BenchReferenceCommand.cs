using System.CommandLine;
using DreamOmni2.Cli.Bench;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine.Runtime;

namespace DreamOmni2.Cli.Commands;

/// <summary>
/// <c>dreamomni2 bench reference</c>: the tiny pack's 2-reference edit through the engine and through the PyTorch
/// eager sampler of the same weights (<c>tools/trainer/reference_sampler.py</c>), interleaved in one run: medians per
/// image, the ratios, the pixels against the engine's, and one forward pass compared numerically.
/// </summary>
public static class BenchReferenceCommand
{
    private static readonly string[] s_dtypes = ["float32", "bfloat16"];

    public static Command Create(CliConsole console)
    {
        var pack = new Option<string>("--pack") { Description = "a pack in the tiny pack's format (default: packs/tiny)", HelpName = "DIR" };
        var rounds = new Option<int>("--rounds") { Description = "images per runner, interleaved", DefaultValueFactory = _ => 10 };
        var threads = CommonOptions.ThreadCounts();
        var python = new Option<string>("--python") { Description = "the Python with torch and onnx", DefaultValueFactory = _ => "/usr/bin/python3" };
        var variant = new Option<string>("--engine-variant")
        {
            Description = "also run the engine on this copy of the pack in another precision (tools/packs/quantize_int8.py makes one)",
            HelpName = "DIR",
        };
        var command = new Command("reference", "compare the engine with the PyTorch reference on the same weights") { pack, rounds, threads, python, variant };
        command.SetAction((parsed, cancellationToken) =>
        {
            if (parsed.GetValue(rounds) < 1)
            {
                throw new ArgumentException("--rounds must be at least 1");
            }
            var threadCounts = CommonOptions.ThreadCountsOrDefault(parsed.GetValue(threads));
            string packFolder = parsed.GetValue(pack) ?? PackLocator.RepositoryPack("tiny");
            var model = ModelPack.Load(packFolder);
            int side = model.Manifest.Defaults.Buckets[0].Width;
            var request = BenchCommand.Edit(new RequestRules(model.Manifest), [GradientPattern.Png(side, side, 1), GradientPattern.Png(side, side, 2)], previews: false);
            string caseFolder = Directory.CreateTempSubdirectory("dreamomni2-reference-").FullName;
            var sessions = new List<PackSessions>();
            try
            {
                ReferenceCase.Write(model, request, caseFolder);
                using var reference = new ReferenceSampler(
                    parsed.GetValue(python)!, PackLocator.RepositoryFile("tools/trainer/reference_sampler.py"), packFolder, caseFolder);
                var imageIds = RawTensorFile.ReadFloats(Path.Combine(caseFolder, "img_ids.f32"));
                double forward = ForwardComparison.LargestDifference(model, caseFolder, imageIds.Length / 3, imageIds, threadCounts[0], reference);

                var runners = new List<ReferenceRunner>();
                var engines = new List<(string Name, ModelPack Pack)> { ("engine (ONNX Runtime)", model) };
                if (parsed.GetValue(variant) is { } variantFolder)
                {
                    var variantPack = ModelPack.Load(variantFolder);
                    engines.Add(($"engine, {Path.GetFileName(Path.TrimEndingDirectorySeparator(variantFolder))}", variantPack));
                }
                foreach (var (name, enginePack) in engines)
                {
                    foreach (int t in threadCounts)
                    {
                        var opened = PackSessions.Open(enginePack, ExecutionProviderChoice.Cpu, new StderrLogger(console.Error), t);
                        sessions.Add(opened);
                        runners.Add(new ReferenceRunner(name, t, () => ReferenceBenchmark.RunEngine(opened, request)));
                    }
                }
                foreach (string dtype in s_dtypes)
                {
                    foreach (int t in threadCounts)
                    {
                        runners.Add(new ReferenceRunner(
                            dtype == "float32" ? "torch float32" : "torch bfloat16 autocast",
                            t,
                            () => RunReference(reference, caseFolder, dtype, t)));
                    }
                }
                var rows = ReferenceBenchmark.Measure(runners, parsed.GetValue(rounds));
                Print(console.Out, model, request.Images.Count, parsed.GetValue(rounds), reference.Version, forward, rows);
            }
            finally
            {
                sessions.ForEach(s => s.Dispose());
                Directory.Delete(caseFolder, recursive: true);
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static (byte[] Rgb, double Ms) RunReference(ReferenceSampler reference, string caseFolder, string dtype, int threads)
    {
        double ms = reference.Image(dtype, threads);
        return (File.ReadAllBytes(Path.Combine(caseFolder, $"image-{dtype}-{threads}.rgb")), ms);
    }

    private static void Print(TextWriter output, ModelPack pack, int references, int rounds, string torch, double forward, List<ReferenceRow> rows)
    {
        var d = pack.Manifest.Defaults;
        output.WriteLine(
            $"pack {pack.Name}: {references}-reference edit, {d.Buckets[0].Width}×{d.Buckets[0].Height}, {d.Steps} steps; {rounds} images per runner, interleaved; " +
            $"ONNX Runtime {OrtVersion()}, {torch}, {Environment.ProcessorCount} logical processors, {PhysicalCores.Available()} physical cores");
        output.WriteLine($"one forward pass, engine vs torch float32: largest difference in the velocity {forward:0.0e+0}");
        output.WriteLine($"{"runner",-26} {"threads",7} {"ms/image",10} {"÷ engine",12} {"pixels vs engine",22}");
        var engine = rows[0];
        foreach (var r in rows)
        {
            output.WriteLine($"{r.Name,-26} {r.Threads,7} {r.MsPerImage,10:0.0} {r.MsPerImage / engine.MsPerImage,11:0.00}× {r.Pixels,22}");
        }
        var fastestTorch = rows.Where(r => r.Name.StartsWith("torch", StringComparison.Ordinal)).MinBy(r => r.MsPerImage)!;
        output.WriteLine(
            $"the engine on {engine.Threads} threads is {fastestTorch.MsPerImage / engine.MsPerImage:0.00}× as fast as the fastest torch " +
            $"({fastestTorch.Name}, {fastestTorch.Threads} threads); the first row is the engine at its default threads; ms/image are medians");
    }

    private static string OrtVersion() => Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetVersionString();
}
