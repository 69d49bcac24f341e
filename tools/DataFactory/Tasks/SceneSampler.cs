using DreamOmni2.DataFactory.Randomness;
using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.DataFactory.Tasks;

/// <summary>Random scenes and the value constraints tasks put on them.</summary>
public static class SceneSampler
{
    /// <summary>Least distance, in pixels, between an object's bounding box and the canvas edge.</summary>
    public const int EdgeMargin = 4;

    public const double OutlinedProbability = 0.3;

    /// <summary>Relative odds of flat, lit-from-top and lit-from-left backgrounds.</summary>
    private static ReadOnlySpan<double> LightingWeights => [2, 1, 1];

    /// <summary>A scene with every attribute uniform (30% outlined) and the object placed anywhere it fits.</summary>
    public static SceneSpec Random(SplitMix64 rng)
    {
        var size = rng.NextInt(ShapeWorldVocabulary.Sizes.Count);
        var style = rng.NextDouble() < OutlinedProbability ? ShapeWorldValues.Outlined : ShapeWorldValues.Filled;
        var scene = new SceneSpec(
            Shape: rng.NextInt(ShapeWorldVocabulary.Shapes.Count),
            Color: rng.NextInt(ShapeWorldVocabulary.Colors.Count),
            Pattern: style == ShapeWorldValues.Outlined ? ShapeWorldValues.Solid : rng.NextInt(ShapeWorldVocabulary.Patterns.Count),
            Style: style,
            Size: size,
            Background: rng.NextInt(ShapeWorldVocabulary.Backgrounds.Count),
            Lighting: (Lighting)rng.PickWeighted(LightingWeights),
            CenterX: 0,
            CenterY: 0);
        return Place(rng, scene, size);
    }

    /// <summary>The scene moved to a random center where an object of <paramref name="roomForSize"/> fits.</summary>
    public static SceneSpec Place(SplitMix64 rng, SceneSpec scene, int roomForSize)
    {
        var half = Palette.SizePixels[roomForSize] / 2;
        var low = half + EdgeMargin;
        var high = ShapeWorldValues.CanvasSize - half - EdgeMargin;
        return scene.At(rng.NextInclusive(low, high), rng.NextInclusive(low, high));
    }

    /// <summary>The scene with its object at the canvas center.</summary>
    public static SceneSpec Centered(SceneSpec scene) => scene.At(ShapeWorldValues.CanvasCenter, ShapeWorldValues.CanvasCenter);

    /// <summary>A random value of the attribute that <paramref name="allowed"/> accepts.</summary>
    public static int PickValue(SplitMix64 rng, ShapeWorldAttribute kind, Func<int, bool> allowed) =>
        rng.PickAllowed(kind.ValueWords().Count, allowed);

    /// <summary>The scene holding <paramref name="value"/> for the attribute. A scene that lends its pattern is
    /// made filled; a non-solid pattern forces a filled object (outlined objects are always solid).</summary>
    public static SceneSpec Holding(SceneSpec scene, ShapeWorldAttribute kind, int value, bool lendsIt)
    {
        if (kind == ShapeWorldAttribute.Pattern && (lendsIt || value != ShapeWorldValues.Solid))
        {
            scene = scene with { Style = ShapeWorldValues.Filled };
        }
        return scene.WithValue(kind, value);
    }
}
