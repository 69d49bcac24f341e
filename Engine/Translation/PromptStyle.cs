namespace DreamOmni2.Engine.Translation;

/// <summary>The kind of prompt a pack's text encoders were trained on, as a pack names it.</summary>
public enum PromptStyle
{
    /// <summary>"shape-world": only the standard sentences of <see cref="Prompting.ShapeWorldPrompt"/> (the tiny pack).</summary>
    ShapeWorld,

    /// <summary>"natural": free English, as FLUX.1 Kontext and DreamOmni2 read it.</summary>
    Natural,
}

public static class PromptStyles
{
    public const string ShapeWorldName = "shape-world";
    public const string NaturalName = "natural";

    /// <summary>Reads the name a pack uses for its prompt style.</summary>
    /// <exception cref="FormatException">The name is neither "shape-world" nor "natural".</exception>
    public static PromptStyle Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        ShapeWorldName => PromptStyle.ShapeWorld,
        NaturalName => PromptStyle.Natural,
        _ => throw new FormatException(
            $"unknown prompt style \"{name}\": expected \"{ShapeWorldName}\" or \"{NaturalName}\""),
    };

    public static string Name(this PromptStyle style) => style switch
    {
        PromptStyle.ShapeWorld => ShapeWorldName,
        PromptStyle.Natural => NaturalName,
        _ => throw new ArgumentOutOfRangeException(nameof(style)),
    };
}
