namespace DreamOmni2.Engine.Packs;

public sealed record PromptSection(PromptStyle Style);

/// <summary>The language the pack's text encoders were trained on, which decides how instructions are translated.</summary>
public enum PromptStyle
{
    /// <summary>Only the standard sentences of the shape world (ShapeWorld/Prompting).</summary>
    ShapeWorld,

    /// <summary>Free natural language.</summary>
    Natural,
}
