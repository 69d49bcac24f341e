using System.Text.RegularExpressions;
using DreamOmni2.Contracts;

namespace DreamOmni2.Translation.BuiltIn;

/// <summary>The instruction with every reference to an image rewritten to "image N", and the images it names.</summary>
public sealed record ResolvedReferences(string Text, IReadOnlySet<int> Images);

/// <summary>
/// Rewrites the ways people point at images ("the first picture", "image two", "photo #3", "the last image",
/// "the left one", "the other photo", "this image") to the canonical "image N", checking each against the number of
/// images. Positional words ("left", "right", "other") are read only where they can mean one image; "the image" and
/// "this photo" only when there is one image, and are left as written otherwise.
/// </summary>
public static partial class ImageReferenceResolver
{
    /// <summary>The words people use for an image, "|"-separated.</summary>
    public const string NounWords = "image|picture|photograph|photo|pic|img";
    private const string Noun = "(?:" + NounWords + ")";
    private const string Cardinal = "one|two|three|four|five|six|seven|eight|nine|ten";
    private const string Ordinal = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|[4-9]th|10th|last|final";

    [GeneratedRegex(
        $@"\b(?:the\s+)?{Noun}\s*(?:#\s*|no\.\s*|number\s+)?(?<number>\d+|{Cardinal})\b" +
        $@"|\b(?:the\s+)?(?<ordinal>{Ordinal})\s+(?:{Noun}|one)\b" +
        $@"|\b(?:the\s+)?(?<side>left|right|other)\s+(?:{Noun}|one)\b" +
        $@"|\b(?:the\s+)?{Noun}\s+on\s+the\s+(?<side>left|right)\b" +
        $@"|\b(?<lone>this|the)\s+{Noun}\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    private static readonly string[] CardinalWords = Cardinal.Split('|');

    private static readonly string[] OrdinalWords =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    /// <exception cref="InstructionNotUnderstoodException">A reference names an image the request lacks or could mean several.</exception>
    internal static ResolvedReferences Resolve(string instruction, int imageCount, GenerationMode mode)
    {
        var explicitImages = Reference().Matches(instruction)
            .Where(m => !IsOther(m))
            .Select(m => Number(m, imageCount))
            .OfType<int>()
            .ToHashSet();
        var images = new HashSet<int>();
        var text = Reference().Replace(instruction, m =>
        {
            if ((IsOther(m) ? Other(m.Value, imageCount, explicitImages, mode) : Number(m, imageCount)) is not { } number)
            {
                return m.Value;
            }
            images.Add(number);
            return $"image {number}";
        });
        return new ResolvedReferences(text, images);
    }

    private static bool IsOther(Match m) =>
        m.Groups["side"].Success && m.Groups["side"].Value.Equals("other", StringComparison.OrdinalIgnoreCase);

    /// <returns>The image meant, or null for "the image"/"this photo" with several images: left as written, it may not be a reference at all.</returns>
    private static int? Number(Match m, int imageCount)
    {
        if (m.Groups["number"].Success)
        {
            return Checked(ParseCardinal(m.Groups["number"].Value), imageCount);
        }
        if (m.Groups["ordinal"].Success)
        {
            var word = m.Groups["ordinal"].Value.ToLowerInvariant();
            return word is "last" or "final"
                ? Checked(imageCount, imageCount, m.Value)
                : Checked(ParseOrdinal(word), imageCount);
        }
        if (m.Groups["side"].Success)
        {
            var side = m.Groups["side"].Value.ToLowerInvariant();
            RequireTwoImages(m.Value, imageCount);
            return side == "left" ? 1 : 2;
        }
        return imageCount == 1 ? 1 : null;
    }

    private static int Other(string phrase, int imageCount, IReadOnlySet<int> explicitImages, GenerationMode mode)
    {
        RequireTwoImages(phrase, imageCount);
        var named = explicitImages.Where(i => i is 1 or 2).ToHashSet();
        return named.Count switch
        {
            1 => 3 - named.Single(),
            0 when mode == GenerationMode.Edit => 2,
            _ => throw new InstructionNotUnderstoodException(
                $"\"{phrase}\" is unclear: it is not said which image it is the other one to"),
        };
    }

    private static void RequireTwoImages(string phrase, int imageCount)
    {
        if (imageCount != 2)
        {
            throw new InstructionNotUnderstoodException(
                $"\"{phrase}\" needs exactly two images: the request has {Images(imageCount)}");
        }
    }

    private static int Checked(int number, int imageCount, string? phrase = null)
    {
        if (number < 1)
        {
            throw new InstructionNotUnderstoodException(
                phrase is null
                    ? $"there is no image {number}: images are numbered from 1"
                    : $"\"{phrase}\" names no image: the request has no images");
        }
        if (number > imageCount)
        {
            throw new InstructionNotUnderstoodException($"there is no image {number}: the request has {Images(imageCount)}");
        }
        return number;
    }

    private static int ParseCardinal(string text) =>
        char.IsDigit(text[0])
            ? int.TryParse(text, out var number) ? number : int.MaxValue
            : Array.IndexOf(CardinalWords, text.ToLowerInvariant()) + 1;

    private static int ParseOrdinal(string word) =>
        char.IsDigit(word[0]) ? int.Parse(word[..^2]) : Array.IndexOf(OrdinalWords, word) + 1;

    /// <summary>"no images", "1 image", "3 images".</summary>
    public static string Images(int count) => count switch
    {
        0 => "no images",
        1 => "1 image",
        _ => $"{count} images",
    };
}
