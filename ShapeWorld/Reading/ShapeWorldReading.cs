using DreamOmni2.Contracts;
using DreamOmni2.ShapeWorld.Prompting;
using DreamOmni2.Translation.BuiltIn;

namespace DreamOmni2.ShapeWorld.Reading;

/// <summary>
/// The tokens of an instruction with each image's role attached and the words that role used marked as taken.
/// What is left (shapes and values not taken) is what the instruction says about the result itself.
/// </summary>
/// <remarks>
/// An image takes, in this order: the attribute or object named to its left across grammar words and descriptions
/// ("the color of the star in image 2", "the color and pattern of image 2"); a possessive ("image 2's pattern",
/// "image 2's stripes"); the value compared to it ("striped like image 2"); the shape said to be in it ("the star
/// from image 1"); an "as"/"for" phrase to its right ("image 2 as the background"). In an edit, image 1 is the
/// edited image and takes nothing.
/// </remarks>
internal sealed class ShapeWorldReading
{
    /// <summary>Grammar words that may stand between an image and what is named of it.</summary>
    private static readonly HashSet<string> Linking =
        ["of", "from", "in", "on", "like", "as", "the", "a", "an", "same", "that", "is", "used", "seen", "shown", "taken"];

    private readonly bool[] _taken;

    private ShapeWorldReading(IReadOnlyList<Token> tokens, GenerationMode mode)
    {
        Tokens = tokens;
        _taken = new bool[tokens.Count];
        var roles = new List<ImageRole>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] is ImageToken image)
            {
                if (mode == GenerationMode.Edit && image.Number == 1)
                {
                    roles.Add(new EditedImage(1));
                }
                else
                {
                    roles.AddRange(Attach(i, image.Number));
                }
            }
        }
        Roles = roles;
    }

    public IReadOnlyList<Token> Tokens { get; }

    /// <summary>Every image mention's role, in the order the instruction names them.</summary>
    public IReadOnlyList<ImageRole> Roles { get; }

    /// <summary>Whether the instruction says "background" (or "backdrop") anywhere: background values need it.</summary>
    public bool MentionsBackground =>
        Tokens.Any(t => t is AttributeToken { Attribute: ShapeWorldAttribute.Background });

    public static ShapeWorldReading Read(IReadOnlyList<Token> tokens, GenerationMode mode) => new(tokens, mode);

    /// <summary>Tokens of type <typeparamref name="T"/> that no image role took, with their positions.</summary>
    public IEnumerable<(int Index, T Token)> Untaken<T>() where T : Token =>
        Tokens.Select((token, index) => (index, token))
            .Where(x => !_taken[x.index] && x.token is T)
            .Select(x => (x.index, (T)x.token));

    private List<ImageRole> Attach(int imageIndex, int image)
    {
        var left = ScanLeft(imageIndex);
        if (left.Head is { } head)
        {
            var possessedShape = TakePossessedDescription(imageIndex, head);
            var shapeSaid = left.NearestShape is { } nearest ? ((ShapeToken)Tokens[nearest]).Shape : possessedShape;
            var heads = CoordinatedHeads(head);
            MarkTaken(heads[0], imageIndex - 1);
            return heads.Select(h => RoleOf(Tokens[h], image, shapeSaid)).ToList();
        }
        return [AttachAfterScan(imageIndex, image, left)];
    }

    /// <summary>"the color and pattern of image 2": attributes joined by "and" all belong to the image.</summary>
    private List<int> CoordinatedHeads(int head)
    {
        var heads = new List<int> { head };
        while (heads[0] >= 2 && IsWord(heads[0] - 1, "and") && Tokens[heads[0] - 2] is AttributeToken && !_taken[heads[0] - 2])
        {
            heads.Insert(0, heads[0] - 2);
        }
        return heads;
    }

    private ImageRole AttachAfterScan(int imageIndex, int image, LeftScan left)
    {
        if (AttachPossessive(imageIndex, image) is { } possessed)
        {
            return possessed;
        }
        if (left.ComparedValue is { } value)
        {
            return Take(value, imageIndex - 1, new BorrowedAttribute(image, ((ValueToken)Tokens[value]).Attribute));
        }
        if (left.NearestShape is { } shape)
        {
            var first = shape;
            while (first > 0 && Tokens[first - 1] is ValueToken)
            {
                first--;
            }
            return Take(first, imageIndex - 1, RoleOf(Tokens[shape], image));
        }
        return AttachAs(imageIndex, image) ?? new BareImage(image);
    }

    /// <summary>What stands to the left of an image, across linking words, descriptions and shapes.</summary>
    /// <param name="Head">An attribute named of the image, across the object it is in ("the color of the star in image 2",
    /// "the color of the one in image 2"), or else the object itself ("the object in image 1").</param>
    /// <param name="ComparedValue">A value compared to the image ("striped like image 2").</param>
    /// <param name="NearestShape">The shape said to be in the image ("the star from image 1").</param>
    private sealed record LeftScan(int? Head, int? ComparedValue, int? NearestShape);

    private LeftScan ScanLeft(int imageIndex)
    {
        int? nearestShape = null;
        int? comparedValue = null;
        int? namedObject = null;
        var compared = false;
        for (var j = imageIndex - 1; j >= 0 && !_taken[j]; j--)
        {
            switch (Tokens[j])
            {
                case AttributeToken:
                    return new LeftScan(j, comparedValue, nearestShape);
                case ObjectToken when namedObject is null && nearestShape is null && comparedValue is null:
                    namedObject = j;
                    continue;
                case ObjectToken:
                    break;
                case ShapeToken:
                    nearestShape ??= j;
                    continue;
                case ValueToken:
                    if (nearestShape is null && comparedValue is null && compared)
                    {
                        comparedValue = j;
                    }
                    continue;
                case WordToken word when Linking.Contains(word.Said):
                    compared |= nearestShape is null && comparedValue is null && word.Said is "like" or "as";
                    continue;
            }
            break;
        }
        return new LeftScan(comparedValue is null ? namedObject : null, comparedValue, nearestShape);
    }

    private ImageRole? AttachPossessive(int imageIndex, int image)
    {
        if (!IsWord(imageIndex + 1, "'s"))
        {
            return null;
        }
        int? nearestShape = null;
        int? firstValue = null;
        for (var j = imageIndex + 2; j < Tokens.Count; j++)
        {
            switch (Tokens[j])
            {
                case AttributeToken or ObjectToken:
                    return Take(imageIndex + 1, j, RoleOf(Tokens[j], image));
                case ShapeToken:
                    nearestShape ??= j;
                    continue;
                case ValueToken:
                    firstValue ??= j;
                    continue;
            }
            break;
        }
        if (nearestShape is { } shape)
        {
            return Take(imageIndex + 1, shape, RoleOf(Tokens[shape], image));
        }
        return firstValue is { } value
            ? Take(imageIndex + 1, value, new BorrowedAttribute(image, ((ValueToken)Tokens[value]).Attribute))
            : null;
    }

    /// <summary>"the colour of image 2's heart": what follows the possessive only describes the image's object.</summary>
    /// <returns>The shape the description names, if any.</returns>
    /// <exception cref="InstructionNotUnderstoodException">An attribute follows ("the color of image 2's background"): no standard sentence says that.</exception>
    private string? TakePossessedDescription(int imageIndex, int head)
    {
        if (!IsWord(imageIndex + 1, "'s"))
        {
            return null;
        }
        var last = imageIndex + 1;
        while (last + 1 < Tokens.Count && Tokens[last + 1] is ValueToken or ShapeToken or ObjectToken)
        {
            last++;
        }
        if (last + 1 < Tokens.Count && Tokens[last + 1] is AttributeToken nested)
        {
            throw new InstructionNotUnderstoodException(
                $"\"the {Tokens[head].Said} of image {((ImageToken)Tokens[imageIndex]).Number}'s {nested.Said}\" cannot be said in the shape world: " +
                "name one attribute of one image");
        }
        MarkTaken(imageIndex + 1, last);
        return Enumerable.Range(imageIndex + 2, last - imageIndex - 1).Select(j => Tokens[j]).OfType<ShapeToken>().FirstOrDefault()?.Shape;
    }

    /// <summary>"image 2 as the background", "image 1 for the object".</summary>
    private ImageRole? AttachAs(int imageIndex, int image)
    {
        if (!IsWord(imageIndex + 1, "as") && !IsWord(imageIndex + 1, "for"))
        {
            return null;
        }
        var j = imageIndex + 2;
        while (IsWord(j, "the") || IsWord(j, "a") || IsWord(j, "an") || IsWord(j, "its"))
        {
            j++;
        }
        return j < Tokens.Count && Tokens[j] is AttributeToken or ObjectToken
            ? Take(imageIndex + 1, j, RoleOf(Tokens[j], image))
            : null;
    }

    private static ImageRole RoleOf(Token head, int image, string? shapeSaid = null) => head switch
    {
        AttributeToken attribute => new BorrowedAttribute(image, attribute.Attribute, shapeSaid),
        ObjectToken noun => new WholeObject(image, noun.Said),
        ShapeToken shape => new ShapeInImage(image, shape.Shape),
        _ => throw new ArgumentOutOfRangeException(nameof(head)),
    };

    private ImageRole Take(int from, int to, ImageRole role)
    {
        MarkTaken(from, to);
        return role;
    }

    private void MarkTaken(int from, int to)
    {
        for (var j = from; j <= to; j++)
        {
            _taken[j] = true;
        }
    }

    public bool IsWord(int index, string word) =>
        index >= 0 && index < Tokens.Count && Tokens[index] is WordToken w && w.Said == word;
}
