namespace DreamOmni2.Translation.BuiltIn;

/// <summary>
/// The translator for a pack of natural prompt style when no VLM is configured: it only rewrites references to images
/// as "image N" and tidies the text, and says so in a warning. A pack whose encoder reads a fixed language gets that
/// language's rules instead (<see cref="IPackTranslatorFactory"/>).
/// </summary>
public sealed class BuiltInInstructionTranslator : RuleInstructionTranslator
{
    protected override string Write(TranslationRequest request, TranslationNotes notes)
    {
        var references = Resolve(request);
        notes.Warnings.Add(
            "the built-in translator only rewrites image references for a pack of natural prompt style: " +
            "configure a VLM to translate the instruction itself");
        return NaturalPromptTidier.Tidy(references.Text);
    }
}
