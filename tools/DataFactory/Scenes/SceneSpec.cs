using DreamOmni2.Engine.Prompting;

namespace DreamOmni2.DataFactory.Scenes;

/// <summary>
/// Everything that determines a shape-world image: one object on a background. Attribute values are indices into
/// the matching <see cref="ShapeWorldVocabulary"/> list; the center is in pixels, on a pixel corner.
/// </summary>
/// <remarks>Outlined objects are always solid: making an object outlined resets its pattern, and a pattern
/// given to an outlined object has no effect.</remarks>
public readonly record struct SceneSpec(
    int Shape,
    int Color,
    int Pattern,
    int Style,
    int Size,
    int Background,
    Lighting Lighting,
    int CenterX,
    int CenterY)
{
    public bool IsOutlined => Style == ShapeWorldValues.Outlined;

    public string ShapeWord => ShapeWorldVocabulary.Shapes[Shape];

    public int ValueOf(AttributeKind kind) => kind switch
    {
        AttributeKind.Shape => Shape,
        AttributeKind.Color => Color,
        AttributeKind.Pattern => Pattern,
        AttributeKind.Style => Style,
        AttributeKind.Size => Size,
        AttributeKind.Background => Background,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public string WordOf(AttributeKind kind) => kind.ValueWords()[ValueOf(kind)];

    /// <summary>This scene with one attribute set to a value; a background keeps its lighting.</summary>
    public SceneSpec WithValue(AttributeKind kind, int value) => kind switch
    {
        AttributeKind.Shape => this with { Shape = value },
        AttributeKind.Color => this with { Color = value },
        AttributeKind.Pattern => IsOutlined ? this : this with { Pattern = value },
        AttributeKind.Style => value == ShapeWorldValues.Outlined
            ? this with { Style = value, Pattern = ShapeWorldValues.Solid }
            : this with { Style = value },
        AttributeKind.Size => this with { Size = value },
        AttributeKind.Background => this with { Background = value },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>This scene with one attribute taken from another scene; a background brings its lighting along.</summary>
    public SceneSpec WithAttributeOf(AttributeKind kind, SceneSpec donor) => kind == AttributeKind.Background
        ? this with { Background = donor.Background, Lighting = donor.Lighting }
        : WithValue(kind, donor.ValueOf(kind));

    public SceneSpec At(int centerX, int centerY) => this with { CenterX = centerX, CenterY = centerY };

    public override string ToString() =>
        $"{ShapeWorldVocabulary.Sizes[Size]} {ShapeWorldVocabulary.Colors[Color]} {ShapeWorldVocabulary.Patterns[Pattern]} " +
        $"{ShapeWorldVocabulary.Styles[Style]} {ShapeWord} at ({CenterX},{CenterY}) on " +
        $"{ShapeWorldVocabulary.Backgrounds[Background]} ({Lighting})";
}
