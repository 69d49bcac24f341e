using DreamOmni2.Contracts;

namespace DreamOmni2.Components.Instruction;

/// <summary>What a mode does with the images in the tray, in a line.</summary>
public static class ModeHint
{
    public static string Describe(GenerationMode mode, int imageCount) => (mode, imageCount) switch
    {
        (GenerationMode.Edit, 0) => "Edit needs the image to edit: add it as image 1, or switch to Generate for text-to-image.",
        (GenerationMode.Edit, 1) => "Text-only edit: image 1 is changed as the instruction says.",
        (GenerationMode.Edit, _) => $"Edit image 1 using {imageCount - 1} reference image{(imageCount == 2 ? "" : "s")}.",
        (_, 0) => "Text-to-image: a new image from the instruction alone.",
        (_, 1) => "Generate a new image from 1 reference image.",
        _ => $"Generate a new image from {imageCount} reference images.",
    };
}
