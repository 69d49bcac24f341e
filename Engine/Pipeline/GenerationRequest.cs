using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Latents;

namespace DreamOmni2.Engine.Pipeline;

/// <summary>One edit or generation. Anything left null takes the pack's default.</summary>
public sealed record GenerationRequest
{
    public required GenerationMode Mode { get; init; }

    /// <summary>Encoded images (PNG, JPEG, WebP) in order; in edit mode image 1 is the one being edited.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Images { get; init; } = [];

    /// <summary>The prompt the text encoders see: the translator's output, or the user's own text.</summary>
    public required string Prompt { get; init; }

    /// <summary>What the person asked for, before translation; recorded in the output. Null: the prompt itself.</summary>
    public string? Instruction { get; init; }

    /// <summary>The translator that turned the instruction into the prompt, recorded in the output; null when none did.</summary>
    public string? Translator { get; init; }

    /// <summary>Null: one is drawn and reported in <see cref="PipelineEvent.Prepared"/>.</summary>
    public ulong? Seed { get; init; }

    public int? Steps { get; init; }

    public float? Guidance { get; init; }

    /// <summary>Null: the scheme the pack was trained with.</summary>
    public EncodingScheme? Scheme { get; init; }

    /// <summary>Generation only: the aspect ratio wanted, fitted to the pack's maximum area.</summary>
    public ImageSize? OutputSize { get; init; }

    /// <summary>Whether each step carries a preview image.</summary>
    public bool Previews { get; init; } = true;
}
