using DreamOmni2.DataFactory.Phrasing;
using DreamOmni2.DataFactory.Randomness;
using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.DataFactory.Tasks;

/// <summary>
/// Multimodal generation: a new image with the object of image a (shape, size, place, and every attribute not
/// borrowed), 0–2 attributes borrowed each from a different other image, on the background of image d
/// or on a named flat background. Every input image plays a part, and which image plays which part varies.
/// </summary>
/// <remarks>
/// Distinct values keep every part identifiable: the object's shape differs from every other image's, a borrowed
/// value differs from the object's own and from every other image's, the lent background's color differs from every
/// other image's, and a named background differs from every input's.
/// </remarks>
public static class GenerateTask
{
    public static IReadOnlyList<ShapeWorldAttribute> BorrowableAttributes { get; } =
        [ShapeWorldAttribute.Color, ShapeWorldAttribute.Pattern, ShapeWorldAttribute.Style];

    private const double NamedBackgroundProbability = 0.35;

    public static Sample Create(long index, SplitMix64 rng, SplitMix64 phrasingRng)
    {
        var imageCount = MultimodalOdds.ImageCount(rng);
        var objectImage = rng.NextInt(imageCount);
        var others = Enumerable.Range(0, imageCount).Where(image => image != objectImage).ToList();
        rng.Shuffle(others);

        // Every other image lends an attribute or the background; a lender may also lend the background.
        var borrowCount = imageCount switch
        {
            1 => 0,
            2 => rng.NextDouble() < 0.3 ? 0 : 1,
            _ => rng.NextDouble() < 0.4 ? 1 : 2,
        };
        var lenders = others.Take(borrowCount).ToArray();
        int? backgroundImage = others.Count > borrowCount
            ? others[borrowCount]
            : rng.NextDouble() < NamedBackgroundProbability ? null : rng.NextInt(imageCount);
        var attributes = DrawBorrowedAttributes(rng, borrowCount);

        var images = DrawImages(rng, imageCount, objectImage, attributes, lenders);
        images = SeparateBackgrounds(rng, images, backgroundImage);
        var backdrop = backgroundImage is { } lent
            ? images[lent]
            : images[objectImage] with
            {
                Background = SceneSampler.PickValue(rng, ShapeWorldAttribute.Background,
                    value => images.All(image => image.Background != value)),
                Lighting = Lighting.Flat,
            };

        var borrowed = attributes.Zip(lenders, (attribute, lender) => (Attribute: attribute, Image: lender)).ToArray();
        var target = Compose(images[objectImage], images, borrowed, backdrop);
        var roles = new GenerateRoles(
            objectImage + 1,
            images[objectImage].ShapeWord,
            borrowed.Select(borrow => (borrow.Attribute, borrow.Image + 1)).ToArray(),
            backgroundImage + 1,
            backdrop.WordOf(ShapeWorldAttribute.Background));

        return new Sample(
            index,
            TaskKind.Generate,
            images,
            target,
            roles.StandardPrompt(),
            GeneratePhrasings.Create(phrasingRng, roles),
            Distractors(target, objectImage, images, borrowed, backgroundImage, backdrop));
    }

    /// <summary>Distinct attributes, never pattern and style together (an outlined object has no pattern).</summary>
    private static ShapeWorldAttribute[] DrawBorrowedAttributes(SplitMix64 rng, int count)
    {
        var attributes = new List<ShapeWorldAttribute>();
        while (attributes.Count < count)
        {
            var choices = BorrowableAttributes.Where(attribute => !attributes.Contains(attribute)
                && !(attribute == ShapeWorldAttribute.Style && attributes.Contains(ShapeWorldAttribute.Pattern))
                && !(attribute == ShapeWorldAttribute.Pattern && attributes.Contains(ShapeWorldAttribute.Style))).ToArray();
            attributes.Add(MultimodalOdds.Attribute(rng, choices));
        }
        return attributes.ToArray();
    }

    private static SceneSpec[] DrawImages(
        SplitMix64 rng, int imageCount, int objectImage, ShapeWorldAttribute[] attributes, int[] lenders)
    {
        var images = new SceneSpec[imageCount];
        var theObject = SceneSampler.Random(rng);
        if (attributes.Contains(ShapeWorldAttribute.Pattern) && theObject.IsOutlined)
        {
            theObject = theObject with { Style = ShapeWorldValues.Filled, Pattern = rng.NextInt(ShapeWorldVocabulary.Patterns.Count) };
        }
        images[objectImage] = theObject;
        var taken = attributes.Select(attribute => SceneSampler.PickValue(rng, attribute,
            value => value != theObject.ValueOf(attribute))).ToArray();

        for (var image = 0; image < imageCount; image++)
        {
            if (image == objectImage)
            {
                continue;
            }
            var scene = SceneSampler.Random(rng);
            scene = scene.WithValue(ShapeWorldAttribute.Shape,
                SceneSampler.PickValue(rng, ShapeWorldAttribute.Shape, value => value != theObject.Shape));
            for (var b = 0; b < attributes.Length; b++)
            {
                var lends = lenders[b] == image;
                var value = lends ? taken[b] : SceneSampler.PickValue(rng, attributes[b], v => v != taken[b]);
                scene = SceneSampler.Holding(scene, attributes[b], value, lends);
            }
            images[image] = scene;
        }
        return images;
    }

    /// <summary>Gives every image other than the background's lender a background color of its own.</summary>
    private static SceneSpec[] SeparateBackgrounds(SplitMix64 rng, SceneSpec[] images, int? backgroundImage)
    {
        if (backgroundImage is not { } lender)
        {
            return images;
        }
        var lent = images[lender].Background;
        return images.Select((image, i) => i == lender || image.Background != lent
                ? image
                : image.WithValue(ShapeWorldAttribute.Background, SceneSampler.PickValue(rng, ShapeWorldAttribute.Background, value => value != lent)))
            .ToArray();
    }

    /// <summary>The generated scene: <paramref name="theObject"/> where it stands, the borrowed attributes applied, on the
    /// background of <paramref name="backdrop"/>.</summary>
    private static SceneSpec Compose(
        SceneSpec theObject,
        SceneSpec[] images,
        IReadOnlyList<(ShapeWorldAttribute Attribute, int Image)> borrowed,
        SceneSpec backdrop)
    {
        var scene = theObject;
        foreach (var (attribute, image) in borrowed)
        {
            scene = scene.WithAttributeOf(attribute, images[image]);
        }
        return scene.WithAttributeOf(ShapeWorldAttribute.Background, backdrop);
    }

    private static SceneSpec[] Distractors(
        SceneSpec target,
        int objectImage,
        SceneSpec[] images,
        IReadOnlyList<(ShapeWorldAttribute Attribute, int Image)> borrowed,
        int? backgroundImage,
        SceneSpec backdrop)
    {
        var distractors = new List<SceneSpec>();
        for (var image = 0; image < images.Length; image++)
        {
            foreach (var (attribute, lender) in borrowed)
            {
                if (image != lender)
                {
                    distractors.Add(target.WithAttributeOf(attribute, images[image]));
                }
            }
            if (image != backgroundImage)
            {
                distractors.Add(target.WithAttributeOf(ShapeWorldAttribute.Background, images[image]));
            }
            if (image != objectImage)
            {
                distractors.Add(Compose(images[image], images, borrowed, backdrop));
            }
        }
        return distractors.Distinct().Where(distractor => distractor != target).ToArray();
    }
}
