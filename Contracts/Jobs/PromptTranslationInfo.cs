namespace DreamOmni2.Contracts;

/// <summary>Where a prompt came from: the translator, its time, and what it said about the instruction and the images.</summary>
/// <param name="Warnings">What the prompt assumed or left out; it still does what was asked.</param>
/// <param name="FellBack">The translator could not translate: the prompt is the instruction as written.</param>
public sealed record PromptTranslationInfo(string Translator, double Milliseconds, IReadOnlyList<string> Warnings, bool FellBack)
{
    /// <summary>Why the prompt may not do what was asked (it fell back, or the instruction contradicts the images):
    /// such a request runs only as written.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>What the translator saw in each image, one line per image ("image 1: small red star on sand").</summary>
    public IReadOnlyList<string> ImageReadings { get; init; } = [];
}
