using DreamOmni2.ShapeWorld.Prompting;
using System.Text.RegularExpressions;
using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.DataFactory.Tests.Tasks;

/// <summary>Reads the roles back out of standard prompts, independently of how the factory made them.</summary>
internal static partial class StandardPrompt
{
    public static (ShapeWorldAttribute Attribute, int Image) ParseEdit(string prompt)
    {
        var match = EditForm().Match(prompt);
        Assert.True(match.Success, prompt);
        var attribute = match.Groups["attribute"].Success ? match.Groups["attribute"].Value : "background";
        return (Attribute(attribute), int.Parse(match.Groups["image"].Value));
    }

    public static (int ObjectImage, List<(ShapeWorldAttribute Attribute, int Image)> Borrowed, int? BackgroundImage, string? BackgroundWord)
        ParseGenerate(string prompt)
    {
        var match = GenerateForm().Match(prompt);
        Assert.True(match.Success, prompt);
        var borrowed = match.Groups["borrowed"].Captures
            .Zip(match.Groups["lender"].Captures, (attribute, image) => (Attribute(attribute.Value), int.Parse(image.Value)))
            .ToList();
        return (
            int.Parse(match.Groups["object"].Value),
            borrowed,
            match.Groups["backdrop"].Success ? int.Parse(match.Groups["backdrop"].Value) : null,
            match.Groups["named"].Success ? match.Groups["named"].Value : null);
    }

    private static ShapeWorldAttribute Attribute(string word) =>
        Enum.GetValues<ShapeWorldAttribute>().Single(kind => kind.Word() == word);

    [GeneratedRegex(@"^make (?:the \w+ in image 1 have the (?<attribute>\w+)|image 1 have the background) of image (?<image>\d)$")]
    private static partial Regex EditForm();

    [GeneratedRegex(@"^generate the object of image (?<object>\d)(?: with the (?<borrowed>\w+) of image (?<lender>\d)(?: and the (?<borrowed>\w+) of image (?<lender>\d))?)? on (?:the background of image (?<backdrop>\d)|an? (?<named>\w+) background)$")]
    private static partial Regex GenerateForm();
}
