namespace DreamOmni2.ShapeWorld.Prompting;

/// <summary>
/// The words of the shape world the embedded tiny pack is trained on: every attribute value a scene can hold and
/// a standard prompt can name. The data factory draws scenes from these lists and the built-in translator maps
/// loose wording onto them, so both speak exactly this vocabulary.
/// </summary>
public static class ShapeWorldVocabulary
{
    public static IReadOnlyList<string> Shapes { get; } =
        ["circle", "square", "triangle", "star", "heart", "hexagon", "cross", "diamond"];

    public static IReadOnlyList<string> Colors { get; } =
        ["red", "orange", "yellow", "green", "cyan", "blue", "purple", "pink"];

    /// <summary>Pattern names as adjectives, the form prompts use ("a striped square").</summary>
    public static IReadOnlyList<string> Patterns { get; } =
        ["solid", "striped", "dotted", "checkered", "gradient"];

    public static IReadOnlyList<string> Styles { get; } = ["filled", "outlined"];

    public static IReadOnlyList<string> Sizes { get; } = ["small", "medium", "large"];

    public static IReadOnlyList<string> Backgrounds { get; } =
        ["white", "black", "gray", "beige", "sky", "mint", "lilac", "sand"];

    /// <summary>Attributes a reference image can lend in a multimodal edit or generation.</summary>
    public static IReadOnlyList<string> TransferableAttributes { get; } =
        ["color", "pattern", "shape", "style", "background"];

    /// <summary>Every word a standard prompt can contain, in a fixed order (the tiny pack's vocabulary file).</summary>
    public static IReadOnlyList<string> AllWords { get; } = BuildAllWords();

    private static string[] BuildAllWords()
    {
        string[] grammarWords =
        [
            "a", "an", "and", "background", "edit", "generate", "have", "image", "in", "make", "of", "on", "the",
            "with", "object", "1", "2", "3", "4", "5",
        ];
        return grammarWords
            .Concat(Shapes).Concat(Colors).Concat(Patterns).Concat(Styles).Concat(Sizes).Concat(Backgrounds)
            .Concat(TransferableAttributes)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }
}
