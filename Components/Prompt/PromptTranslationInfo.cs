namespace DreamOmni2.Components.Prompt;

/// <summary>Where the prompt in the panel came from.</summary>
public sealed record PromptTranslationInfo(string Translator, double Milliseconds, IReadOnlyList<string> Warnings, bool FellBack);
