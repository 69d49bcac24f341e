using DreamOmni2.ShapeWorld.Prompting;
using DreamOmni2.DataFactory.Randomness;
using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.DataFactory.Phrasing;

/// <summary>Loose phrasings of a text-only edit that sets one attribute to a named value.</summary>
public static class TextEditPhrasings
{
    public static IReadOnlyList<string> Create(SplitMix64 rng, string standardPrompt, string sourceShape, ShapeWorldAttribute attribute, string value)
    {
        var book = new Phrasebook(rng);
        return book.Several(() => Phrase(book, sourceShape, attribute, value), standardPrompt);
    }

    private static string Phrase(Phrasebook book, string shape, ShapeWorldAttribute attribute, string value)
    {
        var source = book.Pick(
            $"the {shape}",
            $"the {shape} in {book.Image(1)}",
            $"the {shape} in the {book.Pick("picture", "photo", "image", "pic")}",
            $"the {shape} in this {book.Pick("picture", "photo", "image")}");
        return attribute switch
        {
            ShapeWorldAttribute.Color => book.Pick(
                $"make {source} {value}",
                $"turn {source} {value}",
                $"change the {book.Colour()} of {source} to {value}",
                $"I'd like {source} to be {value}",
                $"{book.Pick("recolor", "recolour")} {source} {value}",
                $"paint {source} {value}"),
            ShapeWorldAttribute.Pattern => book.Pick(
                $"make {source} {AttributeWording.PatternAdjective(book, value)}",
                $"give {source} {AttributeWording.PatternNoun(book, value)}",
                $"I want {source} to have {AttributeWording.PatternNoun(book, value)}",
                $"change the pattern of {source} to {AttributeWording.PatternNoun(book, value)}"),
            ShapeWorldAttribute.Style => value == "outlined"
                ? book.Pick(
                    $"make {source} outlined",
                    $"draw only the outline of {source}",
                    $"make {source} hollow",
                    $"turn {source} into an outline",
                    $"change {source} from filled to outlined")
                : book.Pick(
                    $"fill in {source}",
                    $"make {source} filled",
                    $"make {source} filled instead of outlined",
                    $"change {source} from outlined to filled"),
            ShapeWorldAttribute.Size => book.Pick(
                $"make {source} {AttributeWording.SizeAdjective(book, value)}",
                $"resize {source} to {value}",
                $"I want {source} to be {AttributeWording.SizeAdjective(book, value)}",
                $"change the size of {source} to {value}",
                $"scale {source} to {value} size"),
            ShapeWorldAttribute.Shape => book.Pick(
                $"turn {source} into {Phrasebook.WithArticle(value)}",
                $"replace {source} with {Phrasebook.WithArticle(value)}",
                $"change {source} to {Phrasebook.WithArticle(value)}, keeping everything else",
                $"make {source} {Phrasebook.WithArticle(value)} instead",
                $"I'd like {Phrasebook.WithArticle(value)} instead of {source}"),
            ShapeWorldAttribute.Background => BackgroundPhrase(book, shape, book.BackgroundWord(value)),
            _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, null),
        };
    }

    private static string BackgroundPhrase(Phrasebook book, string shape, string background) => book.Pick(
        $"make the background {background}",
        $"change the background of {book.Image(1)} to {background}",
        $"put the {shape} on a {background} background",
        $"swap the backdrop for a {background} one",
        $"I want the background to be {background}",
        $"{book.Pick("recolor", "recolour")} the background {background}");
}
