using DreamOmni2.ShapeWorld.Prompting;
using DreamOmni2.DataFactory.Randomness;
using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.DataFactory.Tasks;

namespace DreamOmni2.DataFactory.Phrasing;

/// <summary>Loose phrasings of a multimodal generation.</summary>
public static class GeneratePhrasings
{
    public static IReadOnlyList<string> Create(SplitMix64 rng, GenerateRoles roles)
    {
        var book = new Phrasebook(rng);
        return book.Several(() => Phrase(book, roles), roles.StandardPrompt());
    }

    private static string Phrase(Phrasebook book, GenerateRoles roles)
    {
        var theObject = book.Pick(
            $"the {roles.ObjectShape} from {book.Image(roles.ObjectImage)}",
            $"the {roles.ObjectShape} in {book.Image(roles.ObjectImage)}",
            $"the object in {book.Image(roles.ObjectImage)}",
            $"the shape from {book.Image(roles.ObjectImage)}");
        var modifiers = string.Join(" and ", roles.Borrowed.Select(borrow => Modifier(book, borrow.Attribute, borrow.Image)));
        var withModifiers = modifiers.Length == 0 ? theObject : $"{theObject} {modifiers}";
        var background = Background(book, roles);
        var lead = book.Pick("draw", "generate", "create", "make", "render", "show me");

        switch (book.Pick("lead", "take", "want", "background first", "new picture"))
        {
            case "take" when roles.Borrowed.Count > 0:
                var gifts = string.Join(" and ", roles.Borrowed.Select(borrow => Gift(book, borrow.Attribute, borrow.Image)));
                return $"take {theObject}, give it {gifts}, and put it {background}";
            case "take":
                return $"take {theObject} and put it {background}";
            case "want":
                return $"{book.Pick("I want", "I'd like")} {withModifiers} {background}";
            case "background first":
                return $"{BackgroundFirst(book, roles)}, {lead} {withModifiers}";
            case "new picture":
                return $"make a new {book.Pick("image", "picture")} with {withModifiers}, {background}";
            default:
                return $"{lead} {withModifiers} {background}";
        }
    }

    /// <summary>A borrowed attribute as a phrase after the object ("in the colour of image 2").</summary>
    private static string Modifier(Phrasebook book, ShapeWorldAttribute attribute, int image) => attribute switch
    {
        ShapeWorldAttribute.Color => book.Pick(
            $"in the {book.Colour()} of {book.ObjectIn(image)}",
            $"{book.Coloured()} like {book.ObjectIn(image)}",
            $"with the {book.Colour()} of {book.ObjectIn(image)}"),
        ShapeWorldAttribute.Pattern => book.Pick(
            $"with the pattern of {book.ObjectIn(image)}",
            $"using the pattern from {book.Image(image)}",
            $"patterned like {book.ObjectIn(image)}"),
        ShapeWorldAttribute.Style => book.Pick(
            $"in the style of {book.ObjectIn(image)}",
            $"drawn in the same style as {book.ObjectIn(image)}",
            $"with the style of {book.Image(image)}"),
        _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Generations do not borrow this attribute."),
    };

    /// <summary>A borrowed attribute as a noun phrase ("the pattern of image 3").</summary>
    private static string Gift(Phrasebook book, ShapeWorldAttribute attribute, int image)
    {
        var noun = attribute == ShapeWorldAttribute.Color ? book.Colour() : attribute.Word();
        return book.Pick($"the {noun} of {book.ObjectIn(image)}", $"{book.Image(image)}'s {noun}");
    }

    private static string Background(Phrasebook book, GenerateRoles roles) => roles.BackgroundImage is { } image
        ? book.Pick(
            $"on the background of {book.Image(image)}",
            $"on {book.Image(image)}'s background",
            $"against the backdrop of {book.Image(image)}",
            $"in front of the background from {book.Image(image)}")
        : book.Pick(
            $"on a {book.BackgroundWord(roles.BackgroundWord)} background",
            $"on a plain {book.BackgroundWord(roles.BackgroundWord)} background",
            $"against a {book.BackgroundWord(roles.BackgroundWord)} backdrop");

    private static string BackgroundFirst(Phrasebook book, GenerateRoles roles) => roles.BackgroundImage is { } image
        ? book.Pick($"using the background of {book.Image(image)}", $"with {book.Image(image)}'s background")
        : book.Pick(
            $"on a {book.BackgroundWord(roles.BackgroundWord)} background",
            $"with a plain {book.BackgroundWord(roles.BackgroundWord)} backdrop");
}
