using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.ShapeWorld.Scenes;

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

    public int ValueOf(ShapeWorldAttribute kind) => kind switch
    {
        ShapeWorldAttribute.Shape => Shape,
        ShapeWorldAttribute.Color => Color,
        ShapeWorldAttribute.Pattern => Pattern,
        ShapeWorldAttribute.Style => Style,
        ShapeWorldAttribute.Size => Size,
        ShapeWorldAttribute.Background => Background,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public string WordOf(ShapeWorldAttribute kind) => kind.ValueWords()[ValueOf(kind)];

    /// <summary>This scene with one attribute set to a value; a background keeps its lighting.</summary>
    public SceneSpec WithValue(ShapeWorldAttribute kind, int value) => kind switch
    {
        ShapeWorldAttribute.Shape => this with { Shape = value },
        ShapeWorldAttribute.Color => this with { Color = value },
        ShapeWorldAttribute.Pattern => IsOutlined ? this : this with { Pattern = value },
        ShapeWorldAttribute.Style => value == ShapeWorldValues.Outlined
            ? this with { Style = value, Pattern = ShapeWorldValues.Solid }
            : this with { Style = value },
        ShapeWorldAttribute.Size => this with { Size = value },
        ShapeWorldAttribute.Background => this with { Background = value },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>This scene with one attribute taken from another scene; a background brings its lighting along.</summary>
    public SceneSpec WithAttributeOf(ShapeWorldAttribute kind, SceneSpec donor) => kind == ShapeWorldAttribute.Background
        ? this with { Background = donor.Background, Lighting = donor.Lighting }
        : WithValue(kind, donor.ValueOf(kind));

    public SceneSpec At(int centerX, int centerY) => this with { CenterX = centerX, CenterY = centerY };

    public override string ToString() =>
        $"{ShapeWorldVocabulary.Sizes[Size]} {ShapeWorldVocabulary.Colors[Color]} {ShapeWorldVocabulary.Patterns[Pattern]} " +
        $"{ShapeWorldVocabulary.Styles[Style]} {ShapeWord} at ({CenterX},{CenterY}) on " +
        $"{ShapeWorldVocabulary.Backgrounds[Background]} ({Lighting})";
}
