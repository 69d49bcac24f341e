namespace DreamOmni2.Engine.Runtime;

/// <summary>Where ONNX Runtime runs the graphs. CUDA needs the GPU build (<c>-p:OnnxRuntimeFlavor=Gpu</c>) and a GPU.</summary>
public enum ExecutionProviderChoice
{
    Cpu,
    Cuda,
}
