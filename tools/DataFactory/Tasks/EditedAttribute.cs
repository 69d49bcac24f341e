using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.DataFactory.Tasks;

/// <summary>Which attribute of the source (image 1) an edit or a text edit changes, read from the labels.</summary>
public static class EditedAttribute
{
    // Style before pattern: making an object outlined also resets its pattern to solid.
    private static readonly ShapeWorldAttribute[] Order =
    [
        ShapeWorldAttribute.Shape, ShapeWorldAttribute.Size, ShapeWorldAttribute.Style, ShapeWorldAttribute.Color,
        ShapeWorldAttribute.Pattern, ShapeWorldAttribute.Background,
    ];

    /// <summary>The changed attribute, or null for a task that has no source to change.</summary>
    public static ShapeWorldAttribute? Of(Sample sample)
    {
        if (sample.Task is not (TaskKind.Edit or TaskKind.TextEdit))
        {
            return null;
        }
        var source = sample.Inputs[0].Spec;
        var target = sample.Target.Spec;
        foreach (var attribute in Order)
        {
            if (source.ValueOf(attribute) != target.ValueOf(attribute))
            {
                return attribute;
            }
        }
        throw new InvalidOperationException($"edit sample {sample.Index} changes nothing in its source");
    }
}
