using DreamOmni2.ShapeWorld.Prompting;
using System.Text.RegularExpressions;

using DreamOmni2.Translation.BuiltIn;

namespace DreamOmni2.ShapeWorld.Reading;

/// <summary>
/// Splits an instruction whose image references are already canonical ("image 2") into <see cref="Token"/>s: lower
/// case, multi-word names joined ("polka dots" → dotted), possessives split off ("image 2's" → image 2, 's),
/// punctuation kept as words so that it separates phrases.
/// </summary>
internal static partial class ShapeWorldTokenizer
{
    private static readonly string[] ImageNouns = ImageReferenceResolver.NounWords.Split('|');

    [GeneratedRegex(@"\d+|[a-z]+(?:'(?:t|d|m|ll|re|ve))?|'s\b|[,.;:!?]")]
    private static partial Regex Word();

    public static IReadOnlyList<Token> Tokenize(string canonicalInstruction)
    {
        var text = ShapeWorldIdioms.Rewrite(canonicalInstruction.ToLowerInvariant().Replace('\u2019', '\''));
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        var tokens = new List<Token>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == "image" && i + 1 < words.Count && int.TryParse(words[i + 1], out var number))
            {
                tokens.Add(new ImageToken(number, $"image {words[i + 1]}"));
                i++;
                continue;
            }
            tokens.Add(Classify(words, i));
        }
        return tokens;
    }

    private static Token Classify(List<string> words, int i)
    {
        var word = words[i];
        if (IsOutlineNamedAsAttribute(words, i))
        {
            return new AttributeToken(ShapeWorldAttribute.Style, word);
        }
        if (IsTheResultImage(words, i))
        {
            return new WordToken(word);
        }
        if (IsObjectInAnImage(words, i))
        {
            return new ObjectToken(word);
        }
        if (ShapeWorldLexicon.Words.TryGetValue(word, out var token))
        {
            return token;
        }
        return word switch
        {
            "image" => new UnknownToken(word, "\"image\" without a number: say which image (image 1, image 2, …)"),
            _ when char.IsDigit(word[0]) => new UnknownToken(word, $"could not understand the number \"{word}\""),
            _ => new UnknownToken(word, $"could not understand \"{word}\": it is not a shape-world word"),
        };
    }

    /// <summary>"the outline of image 2" and "image 2's outline" name the style; elsewhere "outline" is the value outlined.</summary>
    private static bool IsOutlineNamedAsAttribute(List<string> words, int i) =>
        words[i] == "outline"
        && ((i + 1 < words.Count && words[i + 1] == "of") || (i > 0 && words[i - 1] == "'s"));

    /// <summary>"make a new picture with …" and "an image of …" describe the result, not an image of the request.</summary>
    private static bool IsTheResultImage(List<string> words, int i) =>
        ImageNouns.Contains(words[i]) && i > 0 && words[i - 1] is "a" or "an" or "new";

    /// <summary>
    /// "the shape in image 2" and "the one from image 3" point at an image's object, where "the shape of image 2" names
    /// the attribute.
    /// </summary>
    private static bool IsObjectInAnImage(List<string> words, int i) =>
        words[i] is "shape" or "one" && i + 2 < words.Count && words[i + 1] is "in" or "from" && words[i + 2] == "image";
}
