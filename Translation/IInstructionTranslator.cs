namespace DreamOmni2.Translation;

/// <summary>
/// Turns a person's instruction plus the request's images into the prompt the pack's text encoders see. The
/// translation replaces the instruction (reference §7); a translator that cannot translate returns the instruction
/// as written with <see cref="InstructionTranslation.FellBack"/> set and a warning that says why, and never throws for that.
/// </summary>
public interface IInstructionTranslator
{
    /// <exception cref="OperationCanceledException">Only when <paramref name="ct"/> is cancelled.</exception>
    Task<InstructionTranslation> TranslateAsync(TranslationRequest request, CancellationToken ct);
}
