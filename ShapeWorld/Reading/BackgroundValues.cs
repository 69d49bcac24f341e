using DreamOmni2.ShapeWorld.Prompting;

using DreamOmni2.Translation.BuiltIn;

namespace DreamOmni2.ShapeWorld.Reading;

/// <summary>
/// Background words ("white", "sand", "gray") are not colors a shape can have, so one counts only when the instruction
/// says "background": "make the star black" is refused rather than read as a change of background.
/// </summary>
internal static class BackgroundValues
{
    /// <summary>Words that may stand between "background" and the value given to it: "the background of image 1 to sand".</summary>
    private static readonly HashSet<string> Linking = ["to", "into", "is", "be", "of", "the", "a", "an", "'s"];

    /// <summary>"a blue background", "make the background striped": only background words can color a background.</summary>
    public static void RefuseOtherValuesAsBackground(IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] is AttributeToken { Attribute: ShapeWorldAttribute.Background }
                && (Neighbor(tokens, i, -1) ?? Neighbor(tokens, i, +1)) is { } value)
            {
                throw new InstructionNotUnderstoodException(
                    $"\"{value.Said}\" is not a background of the shape world, which has {string.Join(", ", ShapeWorldVocabulary.Backgrounds)}");
            }
        }
    }

    /// <summary>The non-background value next to position <paramref name="at"/> in <paramref name="direction"/>, across linking words.</summary>
    private static ValueToken? Neighbor(IReadOnlyList<Token> tokens, int at, int direction)
    {
        for (var j = at + direction; j >= 0 && j < tokens.Count; j += direction)
        {
            switch (tokens[j])
            {
                case ValueToken { Attribute: not ShapeWorldAttribute.Background } value:
                    return value;
                case ImageToken:
                case WordToken word when Linking.Contains(word.Said):
                    continue;
            }
            return null;
        }
        return null;
    }

    public static void RequireBackgroundNamed(ShapeWorldReading reading, ValueToken value)
    {
        if (!reading.MentionsBackground)
        {
            throw new InstructionNotUnderstoodException(
                $"\"{value.Said}\" is a background in the shape world, not a color a shape can have " +
                $"({string.Join(", ", ShapeWorldVocabulary.Colors)}); say \"background\" to change the background");
        }
    }
}
