using DreamOmni2.Contracts;
using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.ShapeWorld.Reading;

/// <summary>
/// Every word the built-in translator understands in a shape-world instruction and what it means: the vocabulary of
/// <see cref="ShapeWorldVocabulary"/> plus the loose words people use for it ("stripes" → striped, "violet" →
/// purple, "texture" → pattern). A word that is not here is not understood, and the translator says so.
/// </summary>
internal static class ShapeWorldLexicon
{
    /// <summary>Colours people name that no shape-world shape can have.</summary>
    private static readonly string[] ForeignColors =
        ["brown", "gold", "golden", "silver", "teal", "maroon", "navy", "magenta", "turquoise", "lime", "indigo", "crimson"];

    private static readonly Dictionary<string, string> ShapeSynonyms = new()
    {
        ["circles"] = "circle", ["squares"] = "square", ["triangles"] = "triangle", ["stars"] = "star",
        ["hearts"] = "heart", ["hexagons"] = "hexagon", ["crosses"] = "cross", ["diamonds"] = "diamond",
        ["rhombus"] = "diamond",
    };

    private static readonly (ShapeWorldAttribute Attribute, string Word, string Value)[] ValueSynonyms =
    [
        (ShapeWorldAttribute.Color, "violet", "purple"),
        (ShapeWorldAttribute.Pattern, "plain", "solid"),
        (ShapeWorldAttribute.Pattern, "stripes", "striped"),
        (ShapeWorldAttribute.Pattern, "stripe", "striped"),
        (ShapeWorldAttribute.Pattern, "stripy", "striped"),
        (ShapeWorldAttribute.Pattern, "stripey", "striped"),
        (ShapeWorldAttribute.Pattern, "dots", "dotted"),
        (ShapeWorldAttribute.Pattern, "dot", "dotted"),
        (ShapeWorldAttribute.Pattern, "dotty", "dotted"),
        (ShapeWorldAttribute.Pattern, "spotted", "dotted"),
        (ShapeWorldAttribute.Pattern, "spots", "dotted"),
        (ShapeWorldAttribute.Pattern, "spotty", "dotted"),
        (ShapeWorldAttribute.Pattern, "checked", "checkered"),
        (ShapeWorldAttribute.Pattern, "checks", "checkered"),
        (ShapeWorldAttribute.Pattern, "chequered", "checkered"),
        (ShapeWorldAttribute.Pattern, "checker", "checkered"),
        (ShapeWorldAttribute.Pattern, "checkerboard", "checkered"),
        (ShapeWorldAttribute.Pattern, "gradients", "gradient"),
        (ShapeWorldAttribute.Style, "outline", "outlined"),
        (ShapeWorldAttribute.Style, "hollow", "outlined"),
        (ShapeWorldAttribute.Size, "tiny", "small"),
        (ShapeWorldAttribute.Size, "little", "small"),
        (ShapeWorldAttribute.Size, "big", "large"),
        (ShapeWorldAttribute.Size, "huge", "large"),
        (ShapeWorldAttribute.Background, "grey", "gray"),
        (ShapeWorldAttribute.Background, "sandy", "sand"),
    ];

    private static readonly (ShapeWorldAttribute Attribute, string[] Words)[] AttributeNames =
    [
        (ShapeWorldAttribute.Color, ["color", "colour", "colors", "colours", "hue", "colored", "coloured"]),
        (ShapeWorldAttribute.Pattern, ["pattern", "patterns", "texture", "material", "print", "patterned"]),
        (ShapeWorldAttribute.Shape, ["shape", "form"]),
        (ShapeWorldAttribute.Style, ["style", "fill"]),
        (ShapeWorldAttribute.Size, ["size"]),
        (ShapeWorldAttribute.Background, ["background", "backdrop", "backgrounds"]),
    ];

    private static readonly string[] ObjectNouns = ["object", "subject", "thing", "item", "figure"];

    private static readonly string[] EditVerbs =
        [
            "change", "turn", "recolor", "recolour", "reshape", "resize", "scale", "replace", "swap", "edit", "modify",
            "transform", "convert", "alter",
        ];

    /// <summary>Verbs that say which attribute an edit changes: "recolor the star to match image 2".</summary>
    public static IReadOnlyDictionary<string, ShapeWorldAttribute> EditVerbAttributes { get; } =
        new Dictionary<string, ShapeWorldAttribute>
        {
            ["recolor"] = ShapeWorldAttribute.Color, ["recolour"] = ShapeWorldAttribute.Color,
            ["reshape"] = ShapeWorldAttribute.Shape,
        };

    private static readonly string[] GenerationVerbs = ["generate", "create", "produce", "compose"];

    /// <summary>Verbs of either task: "draw the star in the style of image 2" edits, "draw a red star" generates.</summary>
    private static readonly string[] NeutralVerbs =
        [
            "make", "give", "get", "put", "place", "set", "paint", "draw", "render", "depict", "use", "take", "apply",
            "copy", "borrow", "transfer", "match", "keep", "show", "do",
        ];

    private static readonly string[] GrammarWords =
    [
        "a", "an", "the", "of", "in", "on", "onto", "with", "from", "to", "into", "and", "as", "like", "same", "for",
        "by", "at", "'s", "it", "its", "this", "that", "these", "those", "one", "please", "can", "could", "would",
        "you", "i", "we", "me", "my", "want", "need", "let", "have", "has", "having", "should", "be", "is", "are",
        "so", "only", "just", "while", "but", "also", "too", "then", "now", "instead", "everything", "else", "rest",
        "unchanged", "using", "based", "new", "look", "looks", "shown", "seen", "used", "taken", "there", "here",
        "which", "whose", "exactly", "way", "version", "against", "front", "behind", "drawn", "middle", "center",
        "centre", "i'd", "i'm", "we'd", "you'd", ",", ".", ";", ":", "!", "?",
    ];

    private static readonly string[] Negations =
        ["not", "no", "don't", "dont", "doesn't", "never", "without", "except", "nor", "neither", "isn't", "aren't", "shouldn't", "won't"];

    /// <summary>Declared after the word lists it is built from: static fields initialize in text order.</summary>
    public static IReadOnlyDictionary<string, Token> Words { get; } = Build();

    private static Dictionary<string, Token> Build()
    {
        var words = new Dictionary<string, Token>(StringComparer.Ordinal);
        void Add(Token token) => words.Add(token.Said, token);

        foreach (var shape in ShapeWorldVocabulary.Shapes)
        {
            Add(new ShapeToken(shape, shape));
        }
        foreach (var (word, shape) in ShapeSynonyms)
        {
            Add(new ShapeToken(shape, word));
        }
        AddValues(Add, ShapeWorldAttribute.Color, ShapeWorldVocabulary.Colors);
        AddValues(Add, ShapeWorldAttribute.Pattern, ShapeWorldVocabulary.Patterns);
        AddValues(Add, ShapeWorldAttribute.Style, ShapeWorldVocabulary.Styles);
        AddValues(Add, ShapeWorldAttribute.Size, ShapeWorldVocabulary.Sizes);
        AddValues(Add, ShapeWorldAttribute.Background, ShapeWorldVocabulary.Backgrounds);
        foreach (var (attribute, word, value) in ValueSynonyms)
        {
            Add(new ValueToken(attribute, value, word));
        }
        foreach (var (attribute, names) in AttributeNames)
        {
            foreach (var name in names)
            {
                Add(new AttributeToken(attribute, name));
            }
        }
        foreach (var noun in ObjectNouns)
        {
            Add(new ObjectToken(noun));
        }
        foreach (var verb in EditVerbs)
        {
            Add(new VerbToken(GenerationMode.Edit, verb));
        }
        foreach (var verb in GenerationVerbs)
        {
            Add(new VerbToken(GenerationMode.Generate, verb));
        }
        foreach (var verb in NeutralVerbs)
        {
            Add(new VerbToken(null, verb));
        }
        foreach (var word in GrammarWords)
        {
            Add(new WordToken(word));
        }
        foreach (var color in ForeignColors)
        {
            Add(new UnknownToken(color,
                $"\"{color}\" is not a color of the shape world, which knows {string.Join(", ", ShapeWorldVocabulary.Colors)}"));
        }
        foreach (var negation in Negations)
        {
            Add(new UnknownToken(negation,
                $"negation (\"{negation}\") is not understood: say what the result should be instead"));
        }
        return words;
    }

    private static void AddValues(Action<Token> add, ShapeWorldAttribute attribute, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            add(new ValueToken(attribute, value, value));
        }
    }
}
