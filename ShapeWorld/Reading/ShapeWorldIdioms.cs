using System.Text.RegularExpressions;

namespace DreamOmni2.ShapeWorld.Reading;

/// <summary>
/// Rewrites the set phrases people use for shape-world requests into words the tokenizer reads one at a time:
/// multi-word names ("polka dots" → dotted, "sky blue" → sky), compounds ("gradient-shaded"), and whole idioms whose
/// words mean something else on their own ("keep everything about the star except its shape, which should match
/// image 2"; "no pattern" is solid, not a negation). Applied to lower-case text with canonical image references.
/// </summary>
internal static partial class ShapeWorldIdioms
{
    [GeneratedRegex(@"polka[\s-]*dot(?:s|ted)?")]
    private static partial Regex PolkaDots();

    [GeneratedRegex(@"checker[\s-]*board")]
    private static partial Regex Checkerboard();

    [GeneratedRegex(@"\b(?:medium|mid)[\s-]*(?:sized?)\b")]
    private static partial Regex MediumSized();

    [GeneratedRegex(@"\bsky[\s-]+blue\b")]
    private static partial Regex SkyBlue();

    [GeneratedRegex(@"\bmint[\s-]+green\b")]
    private static partial Regex MintGreen();

    [GeneratedRegex(@"\bgradient[\s-]+(?:shaded|filled)\b")]
    private static partial Regex GradientShaded();

    [GeneratedRegex(@"\bsolid[\s-]+colou?red\b|\bno\s+pattern\b")]
    private static partial Regex SolidColoured();

    [GeneratedRegex(@"\bfilled[\s-]+in\b")]
    private static partial Regex FilledIn();

    /// <summary>"fill in the star": the verb phrase that makes a shape filled.</summary>
    [GeneratedRegex(@"\bfill\s+in\b")]
    private static partial Regex FillIn();

    /// <summary>"draw only the outline of the star".</summary>
    [GeneratedRegex(@"\b(?:only|just)\s+the\s+outline\s+of\b")]
    private static partial Regex OnlyTheOutlineOf();

    /// <summary>"a plain gray background": plain says nothing about a shape's pattern there.</summary>
    [GeneratedRegex(@"\bplain\s+(?=(?:[a-z]+[\s-]+){0,2}(?:background|backdrop)s?\b)")]
    private static partial Regex PlainBackground();

    /// <summary>"make the star filled or outlined the way the one in image 2 is": its style.</summary>
    [GeneratedRegex(@"\bfilled\s+or\s+outlined\s+the\s+way\b")]
    private static partial Regex FilledOrOutlinedTheWay();

    /// <summary>"keep everything about the star except its shape, which should match image 2".</summary>
    [GeneratedRegex(@"\bkeep\s+everything\s+about\s+(?<object>.+?)\s+except\s+its\s+(?<attribute>[a-z]+)\s*,?\s*which\s+should\s+match\b")]
    private static partial Regex KeepEverythingExcept();

    /// <summary>", keeping its color and pattern" and ", keeping everything else": what an edit leaves alone goes without saying.</summary>
    [GeneratedRegex(@",?\s*\bkeeping\s+(?:its|the|everything)\b[^,.;!?]*")]
    private static partial Regex KeepingClause();

    /// <summary>In order: compounds first, so that the idioms after them see single words.</summary>
    private static readonly (Regex Pattern, string Replacement)[] Rewrites =
    [
        (PolkaDots(), "dotted"),
        (Checkerboard(), "checkerboard"),
        (MediumSized(), "medium"),
        (SkyBlue(), "sky"),
        (MintGreen(), "mint"),
        (GradientShaded(), "gradient"),
        (SolidColoured(), "solid"),
        (FilledIn(), "filled"),
        (FillIn(), "make filled"),
        (OnlyTheOutlineOf(), "outlined"),
        (PlainBackground(), ""),
        (FilledOrOutlinedTheWay(), "in the style of"),
        (KeepEverythingExcept(), "give ${object} the ${attribute} of"),
        (KeepingClause(), ""),
    ];

    public static string Rewrite(string text) =>
        Rewrites.Aggregate(text, (rewritten, rewrite) => rewrite.Pattern.Replace(rewritten, rewrite.Replacement));
}
