using DreamOmni2.Engine.Prompting;

namespace DreamOmni2.Engine.Translation.BuiltIn;

/// <summary>
/// Background words ("white", "sand", "gray") are not colors a shape can have, so one counts only when the instruction
/// says "background": "make the star black" is refused rather than read as a change of background.
/// </summary>
internal static class BackgroundValues
{
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
