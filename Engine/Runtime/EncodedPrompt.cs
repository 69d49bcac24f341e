using Microsoft.ML.OnnxRuntime;
using DreamOmni2.Engine.Packs;

namespace DreamOmni2.Engine.Runtime;

/// <summary>The text conditioning of one prompt: per-token states (T5) and one pooled vector (CLIP).</summary>
/// <param name="HiddenStates">(Tokens, Width) row-major.</param>
public sealed record EncodedPrompt(float[] HiddenStates, int Tokens, int Width, float[] Pooled)
{
    /// <summary>Runs every text encoder of the pack once on the prompt.</summary>
    public static EncodedPrompt Encode(IReadOnlyList<TextEncoder> encoders, string prompt, RunOptions options, CancellationToken cancellationToken)
    {
        float[]? states = null, pooled = null;
        long[] statesShape = [];
        foreach (var encoder in encoders)
        {
            foreach (var (role, values, shape) in encoder.Encode(prompt, options, cancellationToken))
            {
                if (role == TextEmbeddingRole.EncoderHiddenStates)
                {
                    (states, statesShape) = (values, shape);
                }
                else
                {
                    pooled = values;
                }
            }
        }
        // The manifest rules guarantee each role is fed exactly once.
        return new EncodedPrompt(states!, (int)statesShape[^2], (int)statesShape[^1], pooled!);
    }
}
