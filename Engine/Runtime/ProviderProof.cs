using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using DreamOmni2.Engine.Packs;

namespace DreamOmni2.Engine.Runtime;

/// <summary>
/// Which execution providers really ran a graph's nodes, read from ONNX Runtime's own profile of a run of the probe
/// graph: the proof that a CUDA session computes on the GPU, where a CUDA session that was merely created could still
/// have left its nodes to the CPU.
/// </summary>
public static class ProviderProof
{
    private static readonly float[] s_one = [1f];
    private static readonly long[] s_scalarShape = [1];

    /// <summary>The provider names ("CUDAExecutionProvider", "CPUExecutionProvider") of the nodes that ran.</summary>
    /// <exception cref="OnnxRuntimeException">The provider cannot run here.</exception>
    /// <exception cref="EntryPointNotFoundException">The provider is not in this build of ONNX Runtime.</exception>
    public static IReadOnlySet<string> NodesRanOn(ExecutionProviderChoice provider)
    {
        // No graph optimization: it could fold the probe's one Identity node away, leaving no node to see.
        using var options = ExecutionProviders.CreateOptions(provider, GraphOptimization.Disabled, intraOpThreads: 1);
        options.EnableProfiling = true;
        options.ProfileOutputPathPrefix = Path.Combine(Path.GetTempPath(), $"dreamomni2-probe-{Guid.NewGuid():N}");
        string? profile = null;
        try
        {
            using var session = new InferenceSession(CudaProbeGraph.Onnx.ToArray(), options);
            using var input = OrtValue.CreateTensorValueFromMemory(s_one, s_scalarShape);
            using var runOptions = new RunOptions();
            using (session.Run(runOptions, [CudaProbeGraph.Input], [input], [CudaProbeGraph.Output]))
            {
            }
            profile = session.EndProfiling();
            return Providers(File.ReadAllText(profile));
        }
        finally
        {
            if (profile is not null)
            {
                File.Delete(profile);
            }
        }
    }

    /// <summary>The providers named by the node events of a profile (ONNX Runtime's Chrome-trace JSON array).</summary>
    internal static IReadOnlySet<string> Providers(string profileJson)
    {
        var providers = new SortedSet<string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(profileJson);
        foreach (var e in document.RootElement.EnumerateArray())
        {
            if (e.TryGetProperty("cat", out var category) && category.GetString() == "Node" &&
                e.TryGetProperty("args", out var args) && args.TryGetProperty("provider", out var provider) &&
                provider.GetString() is { Length: > 0 } name)
            {
                providers.Add(name);
            }
        }
        return providers;
    }
}
