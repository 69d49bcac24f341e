using DreamOmni2.Contracts;

namespace DreamOmni2.Translation;

/// <summary>What a translator made of an instruction.</summary>
/// <param name="Prompt">The prompt to encode: the translation, or the instruction as written when <paramref name="FellBack"/>.</param>
/// <param name="RawText">What the translator produced before parsing (the VLM's whole answer); empty when it produced nothing.</param>
/// <param name="TranslatorName">"built-in", or "vlm:" followed by the model name.</param>
/// <param name="Elapsed">How long the translation took.</param>
/// <param name="Warnings">Sentences for a person about what the prompt assumed or left out; the prompt still does what was asked.</param>
/// <param name="FellBack">True when the translator could not translate and <paramref name="Prompt"/> is the instruction as written.</param>
public sealed record InstructionTranslation(
    string Prompt,
    string RawText,
    string TranslatorName,
    TimeSpan Elapsed,
    IReadOnlyList<string> Warnings,
    bool FellBack)
{
    /// <summary>
    /// Why the prompt may not do what was asked: the reason the translator could not translate, or where the
    /// instruction contradicts the images ("image 1 has no star"). A job whose translation has problems runs only when
    /// its request says to run it as written.
    /// </summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>What the translator saw in each image, one line per image in order ("image 1: small red star on sand");
    /// empty when it does not look at images.</summary>
    public IReadOnlyList<string> ImageReadings { get; init; } = [];

    /// <summary>The translation as the page and API clients show it beside its prompt.</summary>
    public PromptTranslationInfo Info => new(TranslatorName, Elapsed.TotalMilliseconds, Warnings, FellBack)
    {
        Problems = Problems,
        ImageReadings = ImageReadings,
    };

    /// <summary>The instruction as written, with the reason the translator could not translate it.</summary>
    public static InstructionTranslation FallBack(
        TranslationRequest request, string rawText, string translatorName, TimeSpan elapsed, string reason) =>
        new(request.Instruction, rawText, translatorName, elapsed, [], FellBack: true) { Problems = [reason] };
}
