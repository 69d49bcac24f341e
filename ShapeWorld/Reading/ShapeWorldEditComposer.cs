using DreamOmni2.ShapeWorld.Prompting;

using DreamOmni2.Translation.BuiltIn;

namespace DreamOmni2.ShapeWorld.Reading;

/// <summary>
/// Writes an edit as one standard sentence: the shape in image 1 takes one attribute of another image, or one new
/// value; or image 1 takes another image's background, or a new one. An edit changes one thing; anything else is
/// refused with the reason.
/// </summary>
internal static class ShapeWorldEditComposer
{
    /// <summary>One thing the instruction asks to change, and how to say it to a person.</summary>
    private sealed record Change(ShapeWorldAttribute Attribute, string Description, Func<string?, string> Prompt);

    /// <summary>Words that put a new shape after the shape being changed: "into a circle", "to a star", "with a heart".</summary>
    private static readonly HashSet<string> ShapeChangeWords = ["a", "an", "into", "to", "with"];

    /// <param name="seen">What the images hold: names the shape in image 1 when the instruction says "it" or "the
    /// thing", and takes note of what the instruction says wrongly of them.</param>
    public static string Compose(ShapeWorldReading reading, ICollection<string> warnings, int imageCount, SeenImages seen)
    {
        var changes = new List<Change>();
        var attributeSaid = AttributeSaidApart(reading);
        foreach (var role in reading.Roles.Select(role => ReadWithAttributeSaidApart(role, attributeSaid)))
        {
            changes.AddRange(ChangeFrom(role));
            seen.CheckUse(role);
        }
        var (source, sourceIndex, newShape) = Shapes(reading);
        if (newShape is not null)
        {
            changes.Add(new Change(ShapeWorldAttribute.Shape, $"the shape \"{newShape}\"",
                shape => ShapeWorldPrompt.TextEdit(shape!, "shape", newShape)));
        }
        foreach (var (index, value) in reading.Untaken<ValueToken>())
        {
            if (IsDescriptionOfSource(reading, index, sourceIndex))
            {
                seen.CheckDescription(1, value);
            }
            else if (!DescribesWhatIsThere(reading, index))
            {
                changes.Add(ValueChange(reading, value));
            }
        }

        var change = Single(changes.DistinctBy(c => c.Description).ToList());
        UnusedImages.Warn(warnings, reading, imageCount, firstReference: 2);
        if (change.Attribute == ShapeWorldAttribute.Background)
        {
            seen.CheckUse(new BorrowedAttribute(1, ShapeWorldAttribute.Background, source));
            return change.Prompt(source);
        }
        return change.Prompt(seen.EditedShape(source));
    }

    /// <summary>
    /// The one attribute an instruction names apart from the images it takes from: "change the color of the star to
    /// match image 2", "swap the background of image 1 for the one in image 2", "recolor the star like image 2".
    /// </summary>
    private static ShapeWorldAttribute? AttributeSaidApart(ShapeWorldReading reading)
    {
        var attributes = reading.Untaken<AttributeToken>().Select(a => a.Token.Attribute)
            .Concat(reading.Tokens.OfType<VerbToken>()
                .Where(v => ShapeWorldLexicon.EditVerbAttributes.ContainsKey(v.Said))
                .Select(v => ShapeWorldLexicon.EditVerbAttributes[v.Said]))
            .Distinct()
            .ToList();
        return attributes.Count == 1 ? attributes[0] : null;
    }

    /// <summary>
    /// An image named without what to take from it takes the attribute said apart; "the shape in image 2" with none
    /// said gives its shape ("turn the star into the shape from image 2").
    /// </summary>
    private static ImageRole ReadWithAttributeSaidApart(ImageRole role, ShapeWorldAttribute? attributeSaid) => role switch
    {
        ShapeInImage shape when attributeSaid is { } attribute => new BorrowedAttribute(shape.Image, attribute, shape.Shape),
        WholeObject or BareImage when attributeSaid is { } attribute => new BorrowedAttribute(role.Image, attribute),
        WholeObject { Noun: "shape" } => new BorrowedAttribute(role.Image, ShapeWorldAttribute.Shape),
        _ => role,
    };

    private static IEnumerable<Change> ChangeFrom(ImageRole role) => role switch
    {
        EditedImage => [],
        BorrowedAttribute { Attribute: ShapeWorldAttribute.Size } borrowed =>
            throw new InstructionNotUnderstoodException(SizeIsNotBorrowed(borrowed.Image)),
        BorrowedAttribute borrowed =>
        [
            new Change(borrowed.Attribute, $"the {borrowed.Attribute.Word()} of image {borrowed.Image}",
                shape => ShapeWorldPrompt.Edit(shape ?? "", borrowed.Attribute.Word(), borrowed.Image)),
        ],
        WholeObject whole => throw new InstructionNotUnderstoodException(
            $"an edit can take the color, pattern, shape, style or background of image {whole.Image}, not its whole object"),
        ShapeInImage { Image: > 1 } shape => throw new InstructionNotUnderstoodException(
            $"the instruction does not say what to take from the {shape.Shape} in image {shape.Image} " +
            "(its color, pattern, shape, style or background)"),
        _ => throw new InstructionNotUnderstoodException(
            $"the instruction does not say what to take from image {role.Image} (its color, pattern, shape, style or background)"),
    };

    /// <summary>The shape being changed (the first one named) and, when a second follows "a"/"into"/"to"/"with", the new shape.</summary>
    private static (string? Source, int SourceIndex, string? NewShape) Shapes(ShapeWorldReading reading)
    {
        string? source = null;
        var sourceIndex = -1;
        string? newShape = null;
        foreach (var (index, shape) in reading.Untaken<ShapeToken>())
        {
            if (newShape is null && IsFollowedByInsteadOf(reading, index))
            {
                newShape = shape.Shape;
            }
            else if (source is null)
            {
                (source, sourceIndex) = (shape.Shape, index);
            }
            else if (shape.Shape != source && newShape is null && FollowsShapeChangeWord(reading, index))
            {
                newShape = shape.Shape;
            }
            else if (shape.Shape != source && shape.Shape != newShape)
            {
                throw new InstructionNotUnderstoodException(
                    $"the instruction names more than one shape to change (\"{source}\" and \"{shape.Said}\"): an edit changes one");
            }
        }
        return (source, sourceIndex, newShape);
    }

    private static bool FollowsShapeChangeWord(ShapeWorldReading reading, int index)
    {
        var j = index - 1;
        while (j >= 0 && reading.Tokens[j] is ValueToken)
        {
            j--;
        }
        return j >= 0 && reading.Tokens[j] is WordToken word && ShapeChangeWords.Contains(word.Said);
    }

    /// <summary>"a heart instead of the star": the shape wanted comes first.</summary>
    private static bool IsFollowedByInsteadOf(ShapeWorldReading reading, int index) =>
        reading.IsWord(index + 1, "instead") && reading.IsWord(index + 2, "of");

    /// <summary>"from filled to outlined", "filled instead of outlined": the value after "from" or "instead of" is the one there now.</summary>
    private static bool DescribesWhatIsThere(ShapeWorldReading reading, int index) =>
        reading.IsWord(index - 1, "from") || (reading.IsWord(index - 1, "of") && reading.IsWord(index - 2, "instead"));

    /// <summary>"the red square": values right before the shape being changed describe it as it is.</summary>
    private static bool IsDescriptionOfSource(ShapeWorldReading reading, int index, int sourceIndex)
    {
        if (index >= sourceIndex || sourceIndex < 0)
        {
            return false;
        }
        for (var j = index + 1; j < sourceIndex; j++)
        {
            if (reading.Tokens[j] is not ValueToken)
            {
                return false;
            }
        }
        return true;
    }

    private static Change ValueChange(ShapeWorldReading reading, ValueToken value)
    {
        if (value.Attribute == ShapeWorldAttribute.Background)
        {
            BackgroundValues.RequireBackgroundNamed(reading, value);
            return new Change(value.Attribute, $"the background \"{value.Value}\"",
                _ => ShapeWorldPrompt.TextEdit("", "background", value.Value));
        }
        return new Change(value.Attribute, $"the {value.Attribute.Word()} \"{value.Value}\"",
            shape => ShapeWorldPrompt.TextEdit(shape!, value.Attribute.Word(), value.Value));
    }

    private static Change Single(IReadOnlyList<Change> changes)
    {
        if (changes.Count == 0)
        {
            throw new InstructionNotUnderstoodException(
                "the instruction names nothing to change: say the new color, pattern, shape, style, size or background, " +
                "or which of these to take from another image");
        }
        var conflicting = changes.GroupBy(c => c.Attribute).FirstOrDefault(g => g.Count() > 1);
        if (conflicting is not null)
        {
            throw new InstructionNotUnderstoodException(
                $"conflicting {conflicting.Key.Word()}s: {string.Join(" and ", conflicting.Select(c => c.Description))}");
        }
        if (changes.Count > 1)
        {
            throw new InstructionNotUnderstoodException(
                $"an edit changes one thing, and the instruction asks for {string.Join(" and ", changes.Select(c => c.Description))}");
        }
        return changes[0];
    }

    internal static string SizeIsNotBorrowed(int image) =>
        $"size cannot be taken from image {image}: name it ({string.Join(", ", ShapeWorldVocabulary.Sizes)})";
}
