using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>What <see cref="SceneReader"/> saw in an image.</summary>
public abstract record SceneReading
{
    /// <summary>The reading in a few words, as the prompt panel shows it ("small red striped star on sand").</summary>
    public abstract string Describe();

    /// <summary>The background's words: "sand", "sand lit from the top".</summary>
    private protected static string BackgroundWords(int background, Lighting lighting) =>
        ShapeWorldVocabulary.Backgrounds[background] + lighting switch
        {
            Lighting.FromTop => " lit from the top",
            Lighting.FromLeft => " lit from the left",
            _ => "",
        };
}

/// <summary>One shape-world object on a background: the scene that redraws the image.</summary>
/// <param name="Residual">Root-mean-square difference, in gray levels, between the image and the scene redrawn,
/// over the object and its surroundings: 0 for a factory image, a few levels after JPEG or a resize.</param>
public sealed record ObjectReading(SceneSpec Scene, double Residual) : SceneReading
{
    public override string Describe()
    {
        var words = new List<string> { ShapeWorldVocabulary.Sizes[Scene.Size], ShapeWorldVocabulary.Colors[Scene.Color] };
        if (Scene.Pattern != ShapeWorldValues.Solid)
        {
            words.Add(ShapeWorldVocabulary.Patterns[Scene.Pattern]);
        }
        if (Scene.IsOutlined)
        {
            words.Add(ShapeWorldVocabulary.Styles[Scene.Style]);
        }
        words.Add(Scene.ShapeWord);
        return $"{string.Join(' ', words)} on {BackgroundWords(Scene.Background, Scene.Lighting)}";
    }
}

/// <summary>A shape-world background with no object on it.</summary>
public sealed record EmptyReading(int Background, Lighting Lighting) : SceneReading
{
    public override string Describe() => $"no object, only a {BackgroundWords(Background, Lighting)} background";
}

/// <summary>An image that is not one shape-world object on a background (a photo, a drawing, two objects), or that
/// could not be opened; <see cref="Reason"/> says which.</summary>
public sealed record UnrecognizedReading(string Reason) : SceneReading
{
    public override string Describe() => Reason;
}
