using DreamOmni2.ShapeWorld.Prompting;
using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.Translation;
using DreamOmni2.Translation.BuiltIn;

namespace DreamOmni2.ShapeWorld.Reading;

/// <summary>
/// What <see cref="SceneReader"/> saw in each image of a request, and the checks of an instruction against it: the
/// shape said to be in an image must be the one there, and an image whose object is used must have one. Where an image
/// could not be read, nothing is checked.
/// </summary>
internal sealed class SeenImages
{
    private readonly IReadOnlyList<SceneReading> _readings;
    private readonly ICollection<string> _problems;

    private SeenImages(IReadOnlyList<SceneReading> readings, ICollection<string> problems)
    {
        _readings = readings;
        _problems = problems;
    }

    /// <summary>Reads every image of the request and writes one line a image into <paramref name="notes"/>.</summary>
    public static SeenImages Read(IReadOnlyList<TranslationImage> images, TranslationNotes notes)
    {
        var readings = images.Select(image => SceneReader.ReadEncoded(image.Bytes.Span)).ToList();
        notes.ImageReadings.AddRange(readings.Select((reading, i) => $"image {i + 1}: {reading.Describe()}"));
        return new SeenImages(readings, notes.Problems);
    }

    /// <summary>The scene of the image's object, when it was read as one.</summary>
    public SceneSpec? ObjectIn(int image) => Reading(image) is ObjectReading seen ? seen.Scene : null;

    /// <summary>The shape to name for the object of image 1 in an edit: the one seen there, whatever was said.</summary>
    /// <param name="said">The shape the instruction names, or null when it says "it", "the thing" or nothing.</param>
    /// <returns>The shape seen, or <paramref name="said"/> when the image could not be read.</returns>
    /// <exception cref="InstructionNotUnderstoodException">No shape is said and none can be seen.</exception>
    public string EditedShape(string? said)
    {
        switch (Reading(1))
        {
            case ObjectReading seen:
                if (Contradicts(1, said, seen) is { } contradiction)
                {
                    _problems.Add($"{contradiction}, so the prompt names the {seen.Scene.ShapeWord}");
                }
                return seen.Scene.ShapeWord;
            case EmptyReading:
                throw new InstructionNotUnderstoodException("image 1 holds no object to change, only a background");
            case var other when said is null:
                throw new InstructionNotUnderstoodException(
                    $"the instruction does not name the shape in image 1 to change ({string.Join(", ", ShapeWorldVocabulary.Shapes)}), " +
                    $"and image 1 is {other?.Describe() ?? "missing"}");
            default:
                return said!;
        }
    }

    /// <summary>Records a problem when the image the instruction takes an object or an attribute from shows
    /// something else than it says, or no object.</summary>
    public void CheckUse(ImageRole role)
    {
        var (said, needsObject) = role switch
        {
            ShapeInImage shape => (shape.Shape, true),
            WholeObject => (null, true),
            BorrowedAttribute borrowed => (borrowed.Shape, borrowed.Attribute != ShapeWorldAttribute.Background),
            _ => ((string?)null, false),
        };
        switch (Reading(role.Image))
        {
            case ObjectReading seen when Contradicts(role.Image, said, seen) is { } contradiction:
                _problems.Add(contradiction);
                break;
            case EmptyReading when needsObject:
                _problems.Add($"image {role.Image} holds no object, only a background, so the prompt uses an object that is not there");
                break;
        }
    }

    /// <summary>"the red square" said of image 1's object: each value said must be the one seen.</summary>
    public void CheckDescription(int image, ValueToken value)
    {
        if (ObjectIn(image) is { } scene && value.Attribute != ShapeWorldAttribute.Background && scene.WordOf(value.Attribute) != value.Value)
        {
            _problems.Add($"image {image}'s {scene.ShapeWord} is {scene.WordOf(value.Attribute)}, not {value.Value}");
        }
    }

    private static string? Contradicts(int image, string? said, ObjectReading seen) =>
        said is not null && said != seen.Scene.ShapeWord ? $"image {image} has no {said}: it holds a {seen.Describe()}" : null;

    private SceneReading? Reading(int image) => image >= 1 && image <= _readings.Count ? _readings[image - 1] : null;
}
