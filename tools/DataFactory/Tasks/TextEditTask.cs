using DreamOmni2.DataFactory.Phrasing;
using DreamOmni2.DataFactory.Randomness;
using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.DataFactory.Tasks;

/// <summary>
/// Text-only edit: one source image; one attribute changes to a named value that differs from the source's.
/// A new background color keeps the source's lighting; a new size keeps the object's center (placed so both sizes fit).
/// </summary>
public static class TextEditTask
{
    public static IReadOnlyList<ShapeWorldAttribute> Attributes { get; } =
    [
        ShapeWorldAttribute.Color, ShapeWorldAttribute.Pattern, ShapeWorldAttribute.Style, ShapeWorldAttribute.Size, ShapeWorldAttribute.Shape,
        ShapeWorldAttribute.Background,
    ];

    public static Sample Create(long index, SplitMix64 rng, SplitMix64 phrasingRng)
    {
        var attribute = rng.Pick(Attributes);
        var source = SceneSampler.Random(rng);
        if (attribute == ShapeWorldAttribute.Pattern && source.IsOutlined)
        {
            source = source with { Style = ShapeWorldValues.Filled, Pattern = rng.NextInt(ShapeWorldVocabulary.Patterns.Count) };
        }
        var value = SceneSampler.PickValue(rng, attribute, v => v != source.ValueOf(attribute));
        if (attribute == ShapeWorldAttribute.Size)
        {
            source = SceneSampler.Place(rng, source, Math.Max(source.Size, value));
        }
        var target = source.WithValue(attribute, value);
        var valueWord = attribute.ValueWords()[value];
        var prompt = ShapeWorldPrompt.TextEdit(source.ShapeWord, attribute.Word(), valueWord);

        return new Sample(
            index,
            TaskKind.TextEdit,
            [source],
            target,
            prompt,
            TextEditPhrasings.Create(phrasingRng, prompt, source.ShapeWord, attribute, valueWord),
            [source]);
    }
}
