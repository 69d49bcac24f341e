using DreamOmni2.DataFactory.Phrasing;
using DreamOmni2.DataFactory.Randomness;
using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.DataFactory.Tasks;

/// <summary>
/// Multimodal edit: image 1 is the source, images 2..n+1 are references; one attribute of the source is taken from
/// reference k. The value taken differs from the source's and from every other reference's, so the request is
/// unambiguous and an answer that used the wrong image is visibly wrong.
/// </summary>
public static class EditTask
{
    public static IReadOnlyList<ShapeWorldAttribute> Attributes { get; } =
        [ShapeWorldAttribute.Color, ShapeWorldAttribute.Pattern, ShapeWorldAttribute.Shape, ShapeWorldAttribute.Style, ShapeWorldAttribute.Background];

    public static Sample Create(long index, SplitMix64 rng, SplitMix64 phrasingRng)
    {
        var referenceCount = MultimodalOdds.ImageCount(rng);
        var attribute = MultimodalOdds.Attribute(rng, Attributes);
        var lender = MultimodalOdds.EditReference(rng, referenceCount);

        var source = SceneSampler.Random(rng);
        if (attribute == ShapeWorldAttribute.Pattern && source.IsOutlined)
        {
            source = source with { Style = ShapeWorldValues.Filled, Pattern = rng.NextInt(ShapeWorldVocabulary.Patterns.Count) };
        }
        var sourceValue = source.ValueOf(attribute);
        var taken = SceneSampler.PickValue(rng, attribute, value => value != sourceValue);

        var images = new List<SceneSpec> { source };
        for (var image = 2; image <= referenceCount + 1; image++)
        {
            var lends = image == lender;
            var value = lends ? taken : SceneSampler.PickValue(rng, attribute, value => value != taken);
            images.Add(SceneSampler.Holding(SceneSampler.Random(rng), attribute, value, lends));
        }

        var target = source.WithAttributeOf(attribute, images[lender - 1]);
        var distractors = new List<SceneSpec> { source };
        for (var image = 2; image <= referenceCount + 1; image++)
        {
            if (image != lender)
            {
                distractors.Add(source.WithAttributeOf(attribute, images[image - 1]));
            }
        }

        var prompt = ShapeWorldPrompt.Edit(source.ShapeWord, attribute.Word(), lender);
        return new Sample(
            index,
            TaskKind.Edit,
            images,
            target,
            prompt,
            EditPhrasings.Create(phrasingRng, prompt, source.ShapeWord, attribute, lender),
            distractors.Distinct().ToArray());
    }
}
