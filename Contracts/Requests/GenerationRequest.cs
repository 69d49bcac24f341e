namespace DreamOmni2.Contracts;

/// <summary>
/// One edit or generation as any front end asks for it (the page, the hub, the CLI); the images travel beside it in
/// the front end's own form. Anything left null takes the pack's default in <see cref="RequestRules.Complete"/>.
/// </summary>
public sealed record GenerationRequest
{
    public required GenerationMode Mode { get; init; }

    /// <summary>What the person asked for, in their own words; translated into the prompt unless <see cref="Prompt"/> is given.</summary>
    public string? Instruction { get; init; }

    /// <summary>A prompt to use as is (locked): the text encoders see exactly this.</summary>
    public string? Prompt { get; init; }

    /// <summary>Null: one is drawn.</summary>
    public ulong? Seed { get; init; }

    public int? Steps { get; init; }

    public float? Guidance { get; init; }

    /// <summary>Null: the scheme the pack was trained with.</summary>
    public EncodingScheme? Scheme { get; init; }

    /// <summary>Generation only: the aspect ratio wanted, fitted to the pack's maximum area.</summary>
    public ImageSize? OutputSize { get; init; }

    /// <summary>Whether each step carries a preview image.</summary>
    public bool Previews { get; init; } = true;

    /// <summary>
    /// Run even when the translator has a problem with the instruction (it could not translate it, or the instruction
    /// contradicts the images): the prompt it gives, or the instruction as written, is used. Without it such a request
    /// fails with the translator's reasons before anything runs.
    /// </summary>
    public bool RunAsWritten { get; init; }
}
