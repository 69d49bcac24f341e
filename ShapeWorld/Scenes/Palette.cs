using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>
/// The fixed RGB of every color and background word and the pixel size of every size word. Object colors are
/// saturated and backgrounds are pale, dark or neutral, so each object color stands out on every background.
/// </summary>
public static class Palette
{
    public static IReadOnlyList<Rgb> ObjectColors { get; } = InVocabularyOrder(ShapeWorldVocabulary.Colors, new Dictionary<string, Rgb>
    {
        ["red"] = new(220, 35, 35),
        ["orange"] = new(245, 130, 15),
        ["yellow"] = new(235, 200, 10),
        ["green"] = new(30, 160, 55),
        ["cyan"] = new(15, 185, 205),
        ["blue"] = new(35, 70, 215),
        ["purple"] = new(135, 45, 185),
        ["pink"] = new(240, 105, 175),
    });

    public static IReadOnlyList<Rgb> Backgrounds { get; } = InVocabularyOrder(ShapeWorldVocabulary.Backgrounds, new Dictionary<string, Rgb>
    {
        ["white"] = new(248, 248, 248),
        ["black"] = new(28, 28, 28),
        ["gray"] = new(125, 125, 125),
        ["beige"] = new(232, 222, 198),
        ["sky"] = new(172, 208, 240),
        ["mint"] = new(186, 234, 206),
        ["lilac"] = new(208, 190, 232),
        ["sand"] = new(206, 182, 136),
    });

    /// <summary>Width across of the object's bounding box, in pixels (even, so edges fall on pixel boundaries).</summary>
    public static IReadOnlyList<int> SizePixels { get; } = InVocabularyOrder(ShapeWorldVocabulary.Sizes, new Dictionary<string, int>
    {
        ["small"] = 18,
        ["medium"] = 26,
        ["large"] = 36,
    });

    private static T[] InVocabularyOrder<T>(IReadOnlyList<string> words, Dictionary<string, T> byWord) =>
        words.Select(word => byWord.TryGetValue(word, out var value)
                ? value
                : throw new InvalidOperationException($"The palette has no entry for the vocabulary word '{word}'."))
            .ToArray();
}
