using DreamOmni2.ShapeWorld.Prompting;

using DreamOmni2.Translation.BuiltIn;

namespace DreamOmni2.ShapeWorld.Reading;

/// <summary>
/// Writes a generation as one standard sentence: from images, "generate the object of image a with the … of image b
/// on the background of image d" (or a named background); from text alone, "a {size} {color} {pattern} {style}
/// {shape} on a {background} background".
/// </summary>
/// <remarks>
/// Text to image needs a shape and a color: they have no neutral value. Size, pattern, style and background do
/// (medium, solid, filled, white), and a prompt that uses one says so in a warning.
/// </remarks>
internal static class ShapeWorldGenerationComposer
{
    /// <summary>The most attributes a standard generation sentence borrows ("with A of image b and B of image c").</summary>
    private const int MaxBorrowed = 2;

    private static readonly (ShapeWorldAttribute Attribute, string Value)[] NeutralValues =
    [
        (ShapeWorldAttribute.Size, "medium"),
        (ShapeWorldAttribute.Pattern, "solid"),
        (ShapeWorldAttribute.Style, "filled"),
        (ShapeWorldAttribute.Background, "white"),
    ];

    /// <param name="seen">What the images hold, to take note of what the instruction says wrongly of them.</param>
    public static string Compose(ShapeWorldReading reading, ICollection<string> warnings, int imageCount, SeenImages seen)
    {
        UnusedImages.Warn(warnings, reading, imageCount, firstReference: 1);
        foreach (var role in reading.Roles)
        {
            seen.CheckUse(role);
        }
        return reading.Roles.Count == 0 ? FromText(reading, warnings) : FromImages(reading, warnings);
    }

    private static string FromImages(ShapeWorldReading reading, ICollection<string> warnings)
    {
        var objects = new HashSet<int>();
        var borrowed = new List<(string Attribute, int Image)>();
        var backgroundImages = new HashSet<int>();
        foreach (var role in reading.Roles)
        {
            switch (role)
            {
                case WholeObject or ShapeInImage:
                    objects.Add(role.Image);
                    break;
                case BorrowedAttribute { Attribute: ShapeWorldAttribute.Background }:
                    backgroundImages.Add(role.Image);
                    break;
                case BorrowedAttribute { Attribute: ShapeWorldAttribute.Size }:
                    throw new InstructionNotUnderstoodException(ShapeWorldEditComposer.SizeIsNotBorrowed(role.Image));
                case BorrowedAttribute attribute:
                    borrowed.Add((attribute.Attribute.Word(), attribute.Image));
                    break;
                default:
                    throw new InstructionNotUnderstoodException(
                        $"the instruction does not say what to use from image {role.Image} " +
                        "(its object, or its color, pattern, shape, style or background)");
            }
        }
        var objectImage = objects.Count switch
        {
            1 => objects.Single(),
            0 => throw new InstructionNotUnderstoodException(
                "the instruction does not say which image's object to generate (\"the object of image 1\")"),
            _ => throw new InstructionNotUnderstoodException(
                $"the instruction names the objects of {string.Join(" and ", objects.Select(i => $"image {i}"))}: a generation draws one"),
        };
        borrowed = borrowed.Distinct().ToList();
        var conflicting = borrowed.GroupBy(b => b.Attribute).FirstOrDefault(g => g.Count() > 1);
        if (conflicting is not null)
        {
            throw new InstructionNotUnderstoodException(
                $"conflicting {conflicting.Key}s: {string.Join(" and ", conflicting.Select(b => $"the {b.Attribute} of image {b.Image}"))}");
        }
        if (borrowed.Count > MaxBorrowed)
        {
            throw new InstructionNotUnderstoodException(
                $"a generation takes at most {MaxBorrowed} attributes from other images, and the instruction names {borrowed.Count}");
        }
        RefuseNamedValues(reading);

        var backgroundWords = BackgroundWords(reading);
        var backgrounds = backgroundImages.Select(i => $"the background of image {i}")
            .Concat(backgroundWords.Select(w => $"the background \"{w}\""))
            .ToList();
        if (backgrounds.Count > 1)
        {
            throw new InstructionNotUnderstoodException($"conflicting backgrounds: {string.Join(" and ", backgrounds)}");
        }
        var backgroundWord = backgroundWords.SingleOrDefault() ?? (backgroundImages.Count == 0 ? Neutral(ShapeWorldAttribute.Background, warnings) : "");
        return ShapeWorldPrompt.Generate(objectImage, borrowed, backgroundImages.Count == 1 ? backgroundImages.Single() : null, backgroundWord);
    }

    private static string FromText(ShapeWorldReading reading, ICollection<string> warnings)
    {
        var shapes = reading.Untaken<ShapeToken>().Select(s => s.Token.Shape).Distinct().ToList();
        var shape = shapes.Count switch
        {
            1 => shapes[0],
            0 => throw new InstructionNotUnderstoodException(
                $"the instruction names no shape to draw ({string.Join(", ", ShapeWorldVocabulary.Shapes)})"),
            _ => throw new InstructionNotUnderstoodException(
                $"the instruction names several shapes ({string.Join(", ", shapes)}): a generation draws one"),
        };
        var values = reading.Untaken<ValueToken>().Select(v => v.Token).ToList();
        foreach (var background in values.Where(v => v.Attribute == ShapeWorldAttribute.Background))
        {
            BackgroundValues.RequireBackgroundNamed(reading, background);
        }
        var chosen = new Dictionary<ShapeWorldAttribute, string>();
        foreach (var group in values.GroupBy(v => v.Attribute))
        {
            var distinct = group.Select(v => v.Value).Distinct().ToList();
            if (distinct.Count > 1)
            {
                throw new InstructionNotUnderstoodException(
                    $"conflicting {group.Key.Word()}s: {string.Join(" and ", distinct.Select(v => $"\"{v}\""))}");
            }
            chosen[group.Key] = distinct[0];
        }
        if (!chosen.TryGetValue(ShapeWorldAttribute.Color, out string? color))
        {
            throw new InstructionNotUnderstoodException(
                $"the instruction names no color for the {shape} ({string.Join(", ", ShapeWorldVocabulary.Colors)})");
        }
        string Value(ShapeWorldAttribute attribute) =>
            chosen.TryGetValue(attribute, out var value) ? value : Neutral(attribute, warnings);
        return ShapeWorldPrompt.TextToImage(
            Value(ShapeWorldAttribute.Size), color, Value(ShapeWorldAttribute.Pattern),
            Value(ShapeWorldAttribute.Style), shape, Value(ShapeWorldAttribute.Background));
    }

    /// <summary>A generation from images takes its object's look from the images: a value named in words has no place in it.</summary>
    private static void RefuseNamedValues(ShapeWorldReading reading)
    {
        var named = reading.Untaken<Token>()
            .Select(t => t.Token)
            .FirstOrDefault(t => t is ShapeToken or ValueToken { Attribute: not ShapeWorldAttribute.Background });
        if (named is not null)
        {
            var attribute = named is ValueToken value ? value.Attribute.Word() : "shape";
            throw new InstructionNotUnderstoodException(
                $"a generation from images cannot set the {attribute} to \"{named.Said}\" by name: " +
                $"take it from an image (\"with the {attribute} of image 2\")");
        }
    }

    private static List<string> BackgroundWords(ShapeWorldReading reading)
    {
        var words = reading.Untaken<ValueToken>()
            .Select(v => v.Token)
            .Where(v => v.Attribute == ShapeWorldAttribute.Background)
            .ToList();
        foreach (var word in words)
        {
            BackgroundValues.RequireBackgroundNamed(reading, word);
        }
        return words.Select(w => w.Value).Distinct().ToList();
    }

    private static string Neutral(ShapeWorldAttribute attribute, ICollection<string> warnings)
    {
        var value = NeutralValues.Single(n => n.Attribute == attribute).Value;
        warnings.Add($"the instruction names no {attribute.Word()}, so the prompt uses \"{value}\"");
        return value;
    }
}
