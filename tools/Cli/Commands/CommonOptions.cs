using System.CommandLine;
using DreamOmni2.Engine.Runtime;

namespace DreamOmni2.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string> Pack() => new("--pack")
    {
        Description = "the model pack folder (default: the repository's packs/tiny, or packs/fixture until tiny exists)",
        HelpName = "DIR",
    };

    public static Option<ExecutionProviderChoice> Provider() => new("--provider")
    {
        Description = "ONNX Runtime execution provider; cuda falls back to the CPU with a warning when unavailable",
        HelpName = "cpu|cuda",
        DefaultValueFactory = _ => ExecutionProviderChoice.Cpu,
    };

    public static Option<int?> Threads()
    {
        var option = new Option<int?>("--threads")
        {
            Description = "most threads ONNX Runtime uses inside one graph run (default: the physical cores, or the pack's session.intra_op_threads)",
            HelpName = "N",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() <= 0)
            {
                result.AddError("--threads must be at least 1");
            }
        });
        return option;
    }

    /// <summary>Several intra-op thread counts, for the benchmarks that compare them.</summary>
    public static Option<int[]> ThreadCounts() => new("--threads")
    {
        Description = "intra-op thread counts, measured in turn (default: the physical cores and 1)",
        HelpName = "N",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>The counts given, each once, or the physical cores and 1.</summary>
    public static List<int> ThreadCountsOrDefault(int[]? given)
    {
        var counts = (given is { Length: > 0 } ? given : [PhysicalCores.Available(), 1]).Distinct().ToList();
        if (counts.Any(t => t < 1))
        {
            throw new ArgumentException("--threads must be at least 1");
        }
        return counts;
    }
}
