using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>Value indices the rules of the scene world name, looked up in the vocabulary they belong to.</summary>
public static class ShapeWorldValues
{
    public const int CanvasSize = 64;
    public const int CanvasCenter = CanvasSize / 2;

    public static int Solid { get; } = IndexOf(ShapeWorldVocabulary.Patterns, "solid");
    public static int Filled { get; } = IndexOf(ShapeWorldVocabulary.Styles, "filled");
    public static int Outlined { get; } = IndexOf(ShapeWorldVocabulary.Styles, "outlined");

    private static int IndexOf(IReadOnlyList<string> words, string word)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == word)
            {
                return i;
            }
        }
        throw new InvalidOperationException($"The shape-world vocabulary lacks '{word}'.");
    }
}
