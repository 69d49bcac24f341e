using System.Text.RegularExpressions;

namespace DreamOmni2.Translation.BuiltIn;

/// <summary>Tidies free text for a natural-style pack: one space between words, none before punctuation, no stray ends.</summary>
internal static partial class NaturalPromptTidier
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+([,.;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    public static string Tidy(string text) =>
        SpaceBeforePunctuation().Replace(Whitespace().Replace(text, " "), "$1").Trim();
}
