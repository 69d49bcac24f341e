using DreamOmni2.Engine.Prompting;

namespace DreamOmni2.DataFactory.Scenes;

/// <summary>An attribute of a scene that a task can change.</summary>
public enum AttributeKind
{
    Shape,
    Color,
    Pattern,
    Style,
    Size,
    Background,
}

public static class AttributeKinds
{
    /// <summary>The attribute's word in prompts ("color", "pattern", …).</summary>
    public static string Word(this AttributeKind kind) => kind switch
    {
        AttributeKind.Shape => "shape",
        AttributeKind.Color => "color",
        AttributeKind.Pattern => "pattern",
        AttributeKind.Style => "style",
        AttributeKind.Size => "size",
        AttributeKind.Background => "background",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The words the attribute's values are named by, in value-index order.</summary>
    public static IReadOnlyList<string> ValueWords(this AttributeKind kind) => kind switch
    {
        AttributeKind.Shape => ShapeWorldVocabulary.Shapes,
        AttributeKind.Color => ShapeWorldVocabulary.Colors,
        AttributeKind.Pattern => ShapeWorldVocabulary.Patterns,
        AttributeKind.Style => ShapeWorldVocabulary.Styles,
        AttributeKind.Size => ShapeWorldVocabulary.Sizes,
        AttributeKind.Background => ShapeWorldVocabulary.Backgrounds,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
