using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.DataFactory.Tasks;

/// <summary>Which image plays which part in a multimodal generation (1-based image numbers).</summary>
/// <param name="ObjectImage">The image whose object is drawn.</param>
/// <param name="ObjectShape">That object's shape word.</param>
/// <param name="Borrowed">Attributes taken from other images, in the order the prompt names them.</param>
/// <param name="BackgroundImage">The image whose background is used, or null for the named <paramref name="BackgroundWord"/>.</param>
/// <param name="BackgroundWord">The background color word; the prompt names it (a flat background) only when no image lends one.</param>
public sealed record GenerateRoles(
    int ObjectImage,
    string ObjectShape,
    IReadOnlyList<(ShapeWorldAttribute Attribute, int Image)> Borrowed,
    int? BackgroundImage,
    string BackgroundWord)
{
    public string StandardPrompt() => ShapeWorldPrompt.Generate(
        ObjectImage,
        Borrowed.Select(borrow => (borrow.Attribute.Word(), borrow.Image)).ToArray(),
        BackgroundImage,
        BackgroundWord);
}
