using DreamOmni2.DataFactory.Randomness;

namespace DreamOmni2.DataFactory.Phrasing;

/// <summary>The everyday ways to say the recurring parts of a request, drawn at random.</summary>
public sealed class Phrasebook(SplitMix64 rng)
{
    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five"];
    private static readonly string[] Ordinals = ["zeroth", "first", "second", "third", "fourth", "fifth"];
    private static readonly string[] OrdinalSuffixes = ["th", "st", "nd", "rd", "th", "th"];
    private static readonly string[] PictureNouns = ["image", "picture", "photo", "pic"];

    public string Pick(params string[] options) => options[rng.NextInt(options.Length)];

    public bool Chance(double probability) => rng.NextDouble() < probability;

    /// <summary>A way to name image <paramref name="number"/> (1-based): "image 2", "image two", "picture 2",
    /// "pic 2", "the second photo", "the 2nd image", …</summary>
    public string Image(int number) => rng.NextInt(6) switch
    {
        0 => $"image {number}",
        1 => $"image {NumberWords[number]}",
        2 => $"{Pick(PictureNouns)} {number}",
        3 => $"the {Ordinals[number]} {Pick(PictureNouns)}",
        4 => $"the {number}{OrdinalSuffixes[number]} {Pick(PictureNouns)}",
        _ => $"{Pick(PictureNouns)} {NumberWords[number]}",
    };

    /// <summary>The object shown in image <paramref name="number"/>: "the object in image 2", "the one in pic 2",
    /// "image 2", …</summary>
    public string ObjectIn(int number) => rng.NextInt(4) switch
    {
        0 => $"the object in {Image(number)}",
        1 => $"the shape in {Image(number)}",
        2 => $"the one in {Image(number)}",
        _ => Image(number),
    };

    /// <summary>"color" or "colour".</summary>
    public string Colour() => Pick("color", "colour");

    /// <summary>"colored" or "coloured".</summary>
    public string Coloured() => Pick("colored", "coloured");

    /// <summary>A background word as people say it ("grey", "sky blue", "mint green", …).</summary>
    public string BackgroundWord(string background) => background switch
    {
        "gray" => Pick("gray", "grey"),
        "sky" => Pick("sky", "sky blue", "sky-blue"),
        "mint" => Pick("mint", "mint green"),
        _ => background,
    };

    /// <summary>The phrase with "a" or "an" in front, as its first letter asks.</summary>
    public static string WithArticle(string phrase) => ("aeiou".Contains(phrase[0]) ? "an " : "a ") + phrase;

    /// <summary>Between 3 and 5 distinct phrasings made by <paramref name="phrase"/>, none of them the standard prompt.</summary>
    public IReadOnlyList<string> Several(Func<string> phrase, string standardPrompt)
    {
        var wanted = 3 + rng.NextInt(3);
        var phrasings = new List<string>(wanted);
        for (var attempt = 0; attempt < 50 && phrasings.Count < wanted; attempt++)
        {
            var candidate = phrase();
            if (candidate != standardPrompt && !phrasings.Contains(candidate))
            {
                phrasings.Add(candidate);
            }
        }
        return phrasings;
    }
}
