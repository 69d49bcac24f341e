using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using DreamOmni2.Engine.Packs;

namespace DreamOmni2.Engine.Runtime;

/// <summary>Turns a provider request into session options, falling back to the CPU when CUDA cannot be had.</summary>
public static class ExecutionProviders
{
    /// <summary>The provider that will actually run: CUDA only if a session on it can be created here.</summary>
    public static ExecutionProviderChoice Resolve(ExecutionProviderChoice requested, ILogger logger)
    {
        if (requested == ExecutionProviderChoice.Cpu)
        {
            return requested;
        }
        try
        {
            using var probe = new SessionOptions();
            probe.AppendExecutionProvider_CUDA(0);
            using var session = new InferenceSession(CudaProbeGraph.Onnx.ToArray(), probe);
            return requested;
        }
        // The CPU package lacks the CUDA entry point or reports it as not built in; a GPU build without a usable
        // CUDA install fails to load the provider library; with the libraries but no device ("CUDA failure 100: no
        // CUDA-capable device is detected") appending works and creating a session fails.
        catch (Exception e) when (e is EntryPointNotFoundException or OnnxRuntimeException or DllNotFoundException)
        {
            logger.LogWarning(
                "The CUDA execution provider was requested but is not available ({Reason}); running on the CPU instead. " +
                "CUDA needs the GPU build (dotnet build -p:OnnxRuntimeFlavor=Gpu), a GPU and its CUDA libraries.",
                FirstLine(e.Message));
            return ExecutionProviderChoice.Cpu;
        }
    }

    /// <param name="intraOpThreads">The threads ONNX Runtime may use inside one graph run.</param>
    public static SessionOptions CreateOptions(ExecutionProviderChoice provider, GraphOptimization optimization, int intraOpThreads)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = optimization switch
            {
                GraphOptimization.Disabled => GraphOptimizationLevel.ORT_DISABLE_ALL,
                GraphOptimization.Basic => GraphOptimizationLevel.ORT_ENABLE_BASIC,
                GraphOptimization.Extended => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
                _ => GraphOptimizationLevel.ORT_ENABLE_ALL,
            },
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            IntraOpNumThreads = intraOpThreads,
        };
        // Idle intra-op threads otherwise spin for a while after each run, taking the cores the engine's own work
        // between runs (and every other job on the machine) needs; measured by `dreamomni2 bench` on the CPU.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        if (provider == ExecutionProviderChoice.Cuda)
        {
            options.AppendExecutionProvider_CUDA(0);
        }
        return options;
    }

    /// <summary>
    /// The machine's physical cores, lowered by the pack's <c>session.intra_op_threads</c> and by the host's limit
    /// (a server sharing its machine with other work), whichever is set and smallest.
    /// </summary>
    public static int IntraOpThreads(int? packLimit, int? hostLimit)
    {
        if (hostLimit <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hostLimit), hostLimit, "a thread limit must be positive");
        }
        return Math.Min(PhysicalCores.Available(), Math.Min(packLimit ?? int.MaxValue, hostLimit ?? int.MaxValue));
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
