namespace DreamOmni2.DataFactory.Phrasing;

/// <summary>How people word attribute values: patterns as adjectives or nouns, sizes and styles as adjectives.</summary>
public static class AttributeWording
{
    /// <summary>The pattern as an adjective before a shape ("striped", "polka-dot", "checkerboard", …).</summary>
    public static string PatternAdjective(Phrasebook book, string pattern) => pattern switch
    {
        "solid" => book.Pick("solid", "plain", "solid-colored"),
        "striped" => "striped",
        "dotted" => book.Pick("dotted", "polka-dot", "spotted"),
        "checkered" => book.Pick("checkered", "chequered", "checkerboard"),
        "gradient" => book.Pick("gradient", "gradient-shaded"),
        _ => throw new ArgumentOutOfRangeException(nameof(pattern), pattern, null),
    };

    /// <summary>The pattern as what an object has ("stripes", "polka dots", "a gradient", …).</summary>
    public static string PatternNoun(Phrasebook book, string pattern) => pattern switch
    {
        "solid" => book.Pick("a solid fill", "a plain fill", "no pattern"),
        "striped" => book.Pick("stripes", "a striped pattern"),
        "dotted" => book.Pick("dots", "polka dots", "a dotted pattern"),
        "checkered" => book.Pick("a checkerboard pattern", "a checkered pattern", "checks"),
        "gradient" => book.Pick("a gradient", "a gradient fill"),
        _ => throw new ArgumentOutOfRangeException(nameof(pattern), pattern, null),
    };

    public static string SizeAdjective(Phrasebook book, string size) => size switch
    {
        "small" => book.Pick("small", "little"),
        "medium" => book.Pick("medium", "medium-sized", "mid-sized"),
        "large" => book.Pick("large", "big"),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, null),
    };

    public static string StyleAdjective(Phrasebook book, string style) => style switch
    {
        "filled" => book.Pick("filled", "filled-in"),
        "outlined" => book.Pick("outlined", "hollow", "outline-only"),
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
    };
}
