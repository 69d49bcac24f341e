using DreamOmni2.Engine.Runtime;
using Microsoft.ML.OnnxRuntime;

namespace DreamOmni2.Engine.Tests.Runtime;

public class ProviderProofTests
{
    [Fact]
    public void On_the_cpu_the_probe_node_runs_on_the_cpu_provider() =>
        Assert.Equal(["CPUExecutionProvider"], ProviderProof.NodesRanOn(ExecutionProviderChoice.Cpu));

    [Fact]
    public void Without_a_usable_cuda_the_proof_fails_instead_of_reporting_the_cpu()
    {
        if (OrtEnv.Instance().GetAvailableProviders().Contains("CUDAExecutionProvider") &&
            ExecutionProviders.Resolve(ExecutionProviderChoice.Cuda, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance) == ExecutionProviderChoice.Cuda)
        {
            Assert.Contains("CUDAExecutionProvider", ProviderProof.NodesRanOn(ExecutionProviderChoice.Cuda));
            return;
        }
        var error = Record.Exception(() => ProviderProof.NodesRanOn(ExecutionProviderChoice.Cuda));
        Assert.True(error is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException, $"unexpected {error}");
    }

    [Fact]
    public void A_profile_names_the_providers_of_its_node_events_only()
    {
        const string profile = """
            [{"cat":"Session","name":"model_loading","args":{}},
             {"cat":"Node","name":"y_kernel_time","args":{"op_name":"Identity","provider":"CUDAExecutionProvider"}},
             {"cat":"Node","name":"y_fence_before","args":{}},
             {"cat":"Node","name":"copy_kernel_time","args":{"op_name":"MemcpyToHost","provider":"CUDAExecutionProvider"}}]
            """;
        Assert.Equal(["CUDAExecutionProvider"], ProviderProof.Providers(profile));
    }
}
