using DreamOmni2.ShapeWorld.Prompting;
using DreamOmni2.DataFactory.Randomness;
using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.DataFactory.Phrasing;

/// <summary>
/// Loose phrasings of a text-to-image request. People leave defaults unsaid, so a phrasing may omit "solid" and
/// "filled"; an outlined object's pattern (always solid) is never mentioned.
/// </summary>
public static class TextToImagePhrasings
{
    public static IReadOnlyList<string> Create(SplitMix64 rng, string standardPrompt, SceneSpec target)
    {
        var book = new Phrasebook(rng);
        return book.Several(() => Phrase(book, target), standardPrompt);
    }

    private static string Phrase(Phrasebook book, SceneSpec target)
    {
        var size = AttributeWording.SizeAdjective(book, target.WordOf(ShapeWorldAttribute.Size));
        var color = target.WordOf(ShapeWorldAttribute.Color);
        var shape = target.ShapeWord;
        var pattern = target.WordOf(ShapeWorldAttribute.Pattern);
        var style = target.IsOutlined || book.Chance(0.5)
            ? AttributeWording.StyleAdjective(book, target.WordOf(ShapeWorldAttribute.Style))
            : "";
        var patternAdjective = target.IsOutlined || (pattern == "solid" && book.Chance(0.5))
            ? ""
            : AttributeWording.PatternAdjective(book, pattern);
        var background = book.BackgroundWord(target.WordOf(ShapeWorldAttribute.Background));

        var withPattern = patternAdjective.Length == 0 ? "" : $" with {AttributeWording.PatternNoun(book, pattern)}";
        var sizeAndStyle = string.Join(" and ", new[] { size, style }.Where(word => word.Length > 0));
        var thing = book.Pick(
            Words(size, color, patternAdjective, style, shape),
            Words(size, style, color, shape) + withPattern,
            $"{Words(color, patternAdjective, shape)}, {sizeAndStyle}");
        var placed = book.Pick(
            $"on a {background} background",
            $"against a {background} backdrop",
            $"on a plain {background} background");
        return book.Pick(
            $"{Phrasebook.WithArticle(thing)} {placed}",
            $"{book.Pick("draw", "create", "paint", "generate", "show me")} {Phrasebook.WithArticle(thing)} {placed}",
            $"{book.Pick("I want", "I'd like", "can I get")} {Phrasebook.WithArticle(thing)} {placed}",
            $"a picture of {Phrasebook.WithArticle(thing)} in the middle, {placed}");
    }

    private static string Words(params string[] words) => string.Join(' ', words.Where(word => word.Length > 0));
}
