using DreamOmni2.Contracts;
using DreamOmni2.ShapeWorld.Prompting;
using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.DataFactory.Examples;

/// <summary>
/// The tiny pack's clickable examples: one for each task the data factory trains (an edit taking each attribute from a
/// reference, the background from one of two references, a generation from references, a text-only edit, text to
/// image) and an ablation demo, where only the encodings can tell the model which of three references to use.
/// Each scene follows the tasks' rules: the value taken differs from the source's and from every other image's.
/// </summary>
public static class TinyPackExamples
{
    public static IReadOnlyList<ExampleDraft> All { get; } =
    [
        new("edit-color", "Colour from a reference", GenerationMode.Edit,
            "make the star in image 1 have the color of image 2",
            ShapeWorldPrompt.Edit("star", "color", 2),
            [Scene("large blue solid filled star", "white"), Scene("medium red solid filled circle", "beige", Lighting.FromTop)]),
        new("edit-pattern", "Pattern from a reference", GenerationMode.Edit,
            "give the heart in image 1 the pattern of the square in image 2",
            ShapeWorldPrompt.Edit("heart", "pattern", 2),
            [Scene("large green solid filled heart", "sky"), Scene("medium orange striped filled square", "white")]),
        new("edit-shape", "Shape from a reference", GenerationMode.Edit,
            "make the square in image 1 have the shape of image 2",
            ShapeWorldPrompt.Edit("square", "shape", 2),
            [Scene("large purple dotted filled square", "mint"), Scene("medium yellow solid filled triangle", "gray")]),
        new("edit-style", "Style from a reference", GenerationMode.Edit,
            "make the hexagon in image 1 have the style of image 2",
            ShapeWorldPrompt.Edit("hexagon", "style", 2),
            [Scene("large red checkered filled hexagon", "beige"), Scene("medium blue solid outlined circle", "white")]),
        new("edit-background", "Background from one of two references", GenerationMode.Edit,
            "make image 1 have the background of image 3",
            ShapeWorldPrompt.Edit("diamond", "background", 3),
            [Scene("large pink solid filled diamond", "white"), Scene("small cyan solid filled cross", "black", Lighting.FromTop),
             Scene("medium green solid filled triangle", "lilac", Lighting.FromLeft)]),
        new("generate", "New picture from three references", GenerationMode.Generate,
            "generate the object of image 1 with the pattern of image 2 on the background of image 3",
            ShapeWorldPrompt.Generate(1, [("pattern", 2)], 3, "sand"),
            [Scene("large orange solid filled star", "white"), Scene("medium blue striped filled circle", "gray"),
             Scene("small red solid filled square", "sand", Lighting.FromLeft)]),
        new("text-edit", "Edit from words alone", GenerationMode.Edit,
            "make the heart in image 1 purple",
            ShapeWorldPrompt.TextEdit("heart", "color", "purple"),
            [Scene("large yellow solid filled heart", "sky")]),
        new("text-to-image", "Picture from words alone", GenerationMode.Generate,
            "a large red striped filled star on a mint background",
            ShapeWorldPrompt.TextToImage("large", "red", "striped", "filled", "star", "mint"),
            []),
        new("ablation", "Ablation: which reference is image 4?", GenerationMode.Edit,
            "make the circle in image 1 have the color of image 4",
            ShapeWorldPrompt.Edit("circle", "color", 4),
            [Scene("large green solid filled circle", "beige"), Scene("medium orange solid filled square", "white"),
             Scene("medium blue solid filled triangle", "sky"), Scene("medium pink solid filled heart", "gray")],
            Ablation: true),
    ];

    /// <summary>A centered object described as "size color pattern style shape", on a background.</summary>
    private static SceneSpec Scene(string what, string background, Lighting lighting = Lighting.Flat)
    {
        var words = what.Split(' ');
        return new SceneSpec(
            Index(ShapeWorldVocabulary.Shapes, words[4]),
            Index(ShapeWorldVocabulary.Colors, words[1]),
            Index(ShapeWorldVocabulary.Patterns, words[2]),
            Index(ShapeWorldVocabulary.Styles, words[3]),
            Index(ShapeWorldVocabulary.Sizes, words[0]),
            Index(ShapeWorldVocabulary.Backgrounds, background),
            lighting,
            ShapeWorldValues.CanvasCenter,
            ShapeWorldValues.CanvasCenter);
    }

    private static int Index(IReadOnlyList<string> words, string word)
    {
        for (int i = 0; i < words.Count; i++)
        {
            if (words[i] == word)
            {
                return i;
            }
        }
        throw new ArgumentException($"'{word}' is not a shape-world word");
    }
}
