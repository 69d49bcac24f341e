namespace DreamOmni2.ShapeWorld.Prompting;

/// <summary>
/// The standard prompt forms of the shape world: the only sentences the tiny pack's generator is trained on and
/// the forms the built-in translator emits. Image numbers are 1-based, as people say them.
/// </summary>
/// <remarks>
/// Forms:
/// <list type="bullet">
/// <item>multimodal edit: "make the {shape} in image 1 have the {attribute} of image {k}";
/// background: "make image 1 have the background of image {k}"</item>
/// <item>text-only edit: "make the {shape} in image 1 {value}" (value is a color, pattern, style or size word,
/// or "a {shape}"); background: "make the background of image 1 {background}"</item>
/// <item>multimodal generation: "generate the object of image {a}[ with the {attribute} of image {b}[ and the
/// {attribute} of image {c}]] on the background of image {d}" or "... on a {background} background"</item>
/// <item>text to image: "a {size} {color} {pattern} {style} {shape} on a {background} background"</item>
/// </list>
/// </remarks>
public static class ShapeWorldPrompt
{
    public static string Edit(string sourceShape, string attribute, int referenceImage) =>
        attribute == "background"
            ? $"make image 1 have the background of image {referenceImage}"
            : $"make the {sourceShape} in image 1 have the {attribute} of image {referenceImage}";

    public static string TextEdit(string sourceShape, string attribute, string value) => attribute switch
    {
        "background" => $"make the background of image 1 {value}",
        "shape" => $"make the {sourceShape} in image 1 {Article(value)} {value}",
        _ => $"make the {sourceShape} in image 1 {value}",
    };

    /// <param name="objectImage">The image whose object is drawn.</param>
    /// <param name="borrowed">Attributes taken from other images, in the order they are named.</param>
    /// <param name="backgroundImage">The image whose background is used, or null to name <paramref name="backgroundWord"/>.</param>
    public static string Generate(
        int objectImage,
        IReadOnlyList<(string Attribute, int Image)> borrowed,
        int? backgroundImage,
        string backgroundWord)
    {
        var text = $"generate the object of image {objectImage}";
        if (borrowed.Count > 0)
        {
            text += " with " + string.Join(" and ", borrowed.Select(b => $"the {b.Attribute} of image {b.Image}"));
        }
        return backgroundImage is { } image
            ? $"{text} on the background of image {image}"
            : $"{text} on {Article(backgroundWord)} {backgroundWord} background";
    }

    public static string TextToImage(string size, string color, string pattern, string style, string shape, string background) =>
        $"a {size} {color} {pattern} {style} {shape} on {Article(background)} {background} background";

    private static string Article(string word) => "aeiou".Contains(word[0]) ? "an" : "a";
}
