using DreamOmni2.ShapeWorld.Prompting;
using DreamOmni2.DataFactory.Randomness;
using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.DataFactory.Phrasing;

/// <summary>Loose phrasings of a multimodal edit: the source is image 1, the attribute comes from image k.</summary>
public static class EditPhrasings
{
    public static IReadOnlyList<string> Create(SplitMix64 rng, string standardPrompt, string sourceShape, ShapeWorldAttribute attribute, int referenceImage)
    {
        var book = new Phrasebook(rng);
        return book.Several(() => Phrase(book, sourceShape, attribute, referenceImage), standardPrompt);
    }

    private static string Phrase(Phrasebook book, string shape, ShapeWorldAttribute attribute, int k)
    {
        var source = book.Chance(0.4) ? $"the {shape}" : $"the {shape} in {book.Image(1)}";
        return attribute switch
        {
            ShapeWorldAttribute.Color => book.Pick(
                $"give {source} the {book.Colour()} of {book.ObjectIn(k)}",
                $"I'd like {source} to be {book.Coloured()} like {book.ObjectIn(k)}",
                $"{book.Pick("recolor", "recolour")} {source} to match {book.ObjectIn(k)}",
                $"make {source} the same {book.Colour()} as {book.ObjectIn(k)}",
                $"change the {book.Colour()} of {source} to match {book.ObjectIn(k)}",
                $"paint {source} in the {book.Colour()} of {book.ObjectIn(k)}",
                $"use the {book.Colour()} from {book.Image(k)} for {source}"),
            ShapeWorldAttribute.Pattern => book.Pick(
                $"give {source} the pattern from {book.Image(k)}",
                $"make {source} have the same pattern as {book.ObjectIn(k)}",
                $"copy the pattern of {book.ObjectIn(k)} onto {source}",
                $"I want {source} to have the pattern of {book.ObjectIn(k)}",
                $"fill {source} with the pattern used in {book.Image(k)}",
                $"apply {book.Image(k)}'s pattern to {source}",
                $"use the fill pattern of {book.ObjectIn(k)} on {source}"),
            ShapeWorldAttribute.Shape => book.Pick(
                $"turn {source} into the shape from {book.Image(k)}",
                $"change {source} to the shape of {book.ObjectIn(k)}, keeping its {book.Colour()} and pattern",
                $"make {source} take the shape of {book.ObjectIn(k)}",
                $"reshape {source} so it has the same shape as {book.ObjectIn(k)}",
                $"I'd like {source} to have the shape of {book.ObjectIn(k)}",
                $"keep everything about {source} except its shape, which should match {book.ObjectIn(k)}"),
            ShapeWorldAttribute.Style => book.Pick(
                $"draw {source} in the same style as {book.ObjectIn(k)}",
                $"give {source} the style of {book.ObjectIn(k)}",
                $"match the style of {source} to {book.ObjectIn(k)}",
                $"render {source} with the style used in {book.Image(k)}",
                $"I want {source} drawn in {book.Image(k)}'s style",
                $"make {source} filled or outlined the way {book.ObjectIn(k)} is"),
            ShapeWorldAttribute.Background => BackgroundPhrase(book, shape, k),
            _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Edits do not take this attribute from a reference."),
        };
    }

    private static string BackgroundPhrase(Phrasebook book, string shape, int k)
    {
        var sourceImage = book.Image(1);
        return book.Pick(
            $"put the {shape} from {sourceImage} on the background of {book.Image(k)}",
            $"swap the background of {sourceImage} for the one in {book.Image(k)}",
            $"use {book.Image(k)}'s background for {sourceImage}",
            $"change the background in {sourceImage} to match {book.Image(k)}",
            $"give {sourceImage} the same backdrop as {book.Image(k)}",
            $"replace the background behind the {shape} with the background from {book.Image(k)}");
    }
}
