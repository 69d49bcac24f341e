using DreamOmni2.Contracts;

namespace DreamOmni2.Translation;

/// <summary>
/// A translation with problems (the translator fell back, or the instruction contradicts the images) runs only when
/// the request says to run it as written: nothing runs on a guess the person did not see.
/// </summary>
public static class TranslationGate
{
    /// <exception cref="InvalidRequestException">The translation has problems and <paramref name="runAsWritten"/> is
    /// false; the error's field is <see cref="RequestField.Translation"/> and its message gives the reasons.</exception>
    public static void Check(InstructionTranslation translation, bool runAsWritten)
    {
        if (runAsWritten || translation.Problems.Count == 0)
        {
            return;
        }
        var what = translation.FellBack
            ? $"the {translation.TranslatorName} translator could not translate the instruction"
            : "the instruction does not match the images";
        throw new InvalidRequestException(RequestField.Translation,
            $"{what}: {string.Join("; ", translation.Problems)}. Change the instruction, or run it as written.");
    }
}
