using DreamOmni2.Engine.Text;

namespace DreamOmni2.Engine.Packs;

/// <param name="MaxLength">Token ids per prompt: the tokenizer pads or truncates to exactly this many.</param>
/// <param name="Input">The graph input taking the token ids.</param>
/// <param name="Outputs">Graph output name → the transformer input it feeds.</param>
public sealed record TextEncoderSection(
    string Name,
    string File,
    TokenizerSpec Tokenizer,
    int MaxLength,
    string Input,
    IReadOnlyDictionary<string, TextEmbeddingRole> Outputs);

/// <summary>The transformer inputs that text encoders feed.</summary>
public enum TextEmbeddingRole
{
    /// <summary>Per-token states (T5), (B, L, D).</summary>
    EncoderHiddenStates,

    /// <summary>One pooled vector (CLIP), (B, D).</summary>
    PooledProjections,
}
