using System.Numerics.Tensors;

namespace DreamOmni2.Engine.Scheduling;

/// <summary>The flow-matching Euler step and the denoised estimate used for previews; float32, in place, no allocation.</summary>
public static class FlowMatchEuler
{
    /// <summary><c>x ← x + (σ_next − σ)·v</c>.</summary>
    public static void Step(Span<float> x, ReadOnlySpan<float> v, float sigma, float sigmaNext)
    {
        CheckLengths(x.Length, v.Length);
        TensorPrimitives.MultiplyAdd(v, sigmaNext - sigma, x, x);
    }

    /// <summary><c>x0 = x − σ·v</c>: where the current velocity would land at σ = 0.</summary>
    public static void DenoisedEstimate(ReadOnlySpan<float> x, ReadOnlySpan<float> v, float sigma, Span<float> x0)
    {
        CheckLengths(x.Length, v.Length);
        CheckLengths(x.Length, x0.Length);
        TensorPrimitives.MultiplyAdd(v, -sigma, x, x0);
    }

    private static void CheckLengths(int expected, int actual)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"latent lengths differ: {expected} and {actual}");
        }
    }
}
