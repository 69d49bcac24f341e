using DreamOmni2.ShapeWorld.Prompting;
using DreamOmni2.DataFactory.Randomness;
using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.DataFactory.Tasks;

/// <summary>
/// How multimodal tasks oversample their hard cases, each by 1.5×: three references, a color or pattern
/// attribute, and (in edits) a reference other than image 2.
/// </summary>
public static class MultimodalOdds
{
    public const double HardCaseWeight = 1.5;

    /// <summary>Draws how many images a task has (1–3), three being a hard case.</summary>
    public static int ImageCount(SplitMix64 rng) => 1 + rng.PickWeighted([1, 1, HardCaseWeight]);

    /// <summary>Draws one of the attributes, color and pattern being hard cases.</summary>
    public static ShapeWorldAttribute Attribute(SplitMix64 rng, IReadOnlyList<ShapeWorldAttribute> choices)
    {
        Span<double> weights = stackalloc double[choices.Count];
        for (var i = 0; i < choices.Count; i++)
        {
            weights[i] = choices[i] is ShapeWorldAttribute.Color or ShapeWorldAttribute.Pattern ? HardCaseWeight : 1;
        }
        return choices[rng.PickWeighted(weights)];
    }

    /// <summary>Draws which of images 2..count+1 an edit takes its attribute from, image 2 being the easy case.</summary>
    public static int EditReference(SplitMix64 rng, int referenceCount)
    {
        Span<double> weights = stackalloc double[referenceCount];
        for (var i = 0; i < referenceCount; i++)
        {
            weights[i] = i == 0 ? 1 : HardCaseWeight;
        }
        return 2 + rng.PickWeighted(weights);
    }
}
