namespace DreamOmni2.Translation.BuiltIn;

/// <summary>What a rule translator tells a person beside its prompt (see <see cref="InstructionTranslation"/>).</summary>
public sealed class TranslationNotes
{
    /// <summary>What the prompt assumed or left out; it still does what was asked.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Where the instruction contradicts the images: the prompt runs only as written.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>What was seen in each image, one line per image in order.</summary>
    public List<string> ImageReadings { get; } = [];
}
