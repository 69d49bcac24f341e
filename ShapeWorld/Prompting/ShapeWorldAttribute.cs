namespace DreamOmni2.ShapeWorld.Prompting;

/// <summary>The attributes a shape-world scene has, which tasks change and prompts name.</summary>
public enum ShapeWorldAttribute
{
    Shape,
    Color,
    Pattern,
    Style,
    Size,
    Background,
}

public static class ShapeWorldAttributes
{
    /// <summary>The attribute's word in prompts ("color", "pattern", …).</summary>
    public static string Word(this ShapeWorldAttribute attribute) => attribute switch
    {
        ShapeWorldAttribute.Shape => "shape",
        ShapeWorldAttribute.Color => "color",
        ShapeWorldAttribute.Pattern => "pattern",
        ShapeWorldAttribute.Style => "style",
        ShapeWorldAttribute.Size => "size",
        ShapeWorldAttribute.Background => "background",
        _ => throw new ArgumentOutOfRangeException(nameof(attribute)),
    };

    /// <summary>The words the attribute's values are named by, in value-index order.</summary>
    public static IReadOnlyList<string> ValueWords(this ShapeWorldAttribute attribute) => attribute switch
    {
        ShapeWorldAttribute.Shape => ShapeWorldVocabulary.Shapes,
        ShapeWorldAttribute.Color => ShapeWorldVocabulary.Colors,
        ShapeWorldAttribute.Pattern => ShapeWorldVocabulary.Patterns,
        ShapeWorldAttribute.Style => ShapeWorldVocabulary.Styles,
        ShapeWorldAttribute.Size => ShapeWorldVocabulary.Sizes,
        ShapeWorldAttribute.Background => ShapeWorldVocabulary.Backgrounds,
        _ => throw new ArgumentOutOfRangeException(nameof(attribute)),
    };
}
