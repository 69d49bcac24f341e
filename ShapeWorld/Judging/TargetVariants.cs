using DreamOmni2.ShapeWorld.Prompting;
using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.ShapeWorld.Judging;

/// <summary>
/// Every scene that differs from a target in exactly one attribute (shape, color, pattern, style, size, background
/// color, lighting): an output nearer to one of them than to the target has that attribute wrong.
/// </summary>
public static class TargetVariants
{
    private static readonly ShapeWorldAttribute[] Attributes =
    [
        ShapeWorldAttribute.Shape, ShapeWorldAttribute.Color, ShapeWorldAttribute.Pattern, ShapeWorldAttribute.Style, ShapeWorldAttribute.Size,
        ShapeWorldAttribute.Background,
    ];

    public static IEnumerable<(string Attribute, SceneSpec Scene)> Of(SceneSpec target)
    {
        foreach (var attribute in Attributes)
        {
            for (var value = 0; value < attribute.ValueWords().Count; value++)
            {
                var variant = target.WithValue(attribute, value);
                if (variant != target)
                {
                    yield return (attribute.Word(), variant);
                }
            }
        }
        foreach (var lighting in Enum.GetValues<Lighting>())
        {
            if (lighting != target.Lighting)
            {
                yield return ("lighting", target with { Lighting = lighting });
            }
        }
    }
}
