using DreamOmni2.Contracts;
using DreamOmni2.ShapeWorld.Reading;
using DreamOmni2.Translation;

namespace DreamOmni2.ShapeWorld.Tests.Reading;

/// <summary>Generations for the shape-world pack: from images, and from text alone.</summary>
public sealed class ShapeWorldGenerationTranslationTests
{
    public static TheoryData<int, string, string> Generations => new()
    {
        // Text to image.
        { 0, "a small red striped filled star on a white background", "a small red striped filled star on a white background" },
        { 0, "draw a big blue heart with polka dots on a mint backdrop", "a large blue dotted filled heart on a mint background" },
        { 0, "generate a green circle", "a medium green solid filled circle on a white background" },
        { 0, "create a tiny pink outlined hexagon on a beige background, checkered", "a small pink checkered outlined hexagon on a beige background" },
        { 0, "please render an orange gradient diamond on a lilac background", "a medium orange gradient filled diamond on a lilac background" },
        { 0, "A violet cross on a grey background.", "a medium purple solid filled cross on a gray background" },
        { 0, "draw a huge yellow checked square, just the outline, on a sky background", "a large yellow checkered outlined square on a sky background" },
        // From images.
        { 2, "generate the object of image 1 with the color of image 2", "generate the object of image 1 with the color of image 2 on a white background" },
        { 3, "generate the object of image 1 with the pattern of image 2 on the background of image 3", "generate the object of image 1 with the pattern of image 2 on the background of image 3" },
        { 3, "draw the star from the first picture with the colour of the second picture and the texture of the third picture on a sky background", "generate the object of image 1 with the color of image 2 and the pattern of image 3 on a sky background" },
        { 2, "use image 1 as the object and image 2 as the background", "generate the object of image 1 on the background of image 2" },
        { 2, "put the thing in the left one on the backdrop of the right one", "generate the object of image 1 on the background of image 2" },
        { 1, "generate the object of this image on a black background", "generate the object of image 1 on a black background" },
        { 3, "create the object of image 3 with the shape of image 1 and the style of image 2", "generate the object of image 3 with the shape of image 1 and the style of image 2 on a white background" },
        { 2, "generate the heart of image 1 with the same pattern as image 2", "generate the object of image 1 with the pattern of image 2 on a white background" },
        { 3, "image 2's object on image 3's backdrop, with the colour of image 1", "generate the object of image 2 with the color of image 1 on the background of image 3" },
        { 2, "generate the object of image 1 with image 2's stripes", "generate the object of image 1 with the pattern of image 2 on a white background" },
        { 3, "generate the object of image 1 with the color and pattern of image 2 on the backdrop of image 3", "generate the object of image 1 with the color of image 2 and the pattern of image 2 on the background of image 3" },
        { 2, "draw image 1's star in image 2's color", "generate the object of image 1 with the color of image 2 on a white background" },
        { 3, "make a new picture with the star from image 2 in the colour of image 3, on the background of image 1", "generate the object of image 2 with the color of image 3 on the background of image 1" },
        { 2, "make a new image with the object in image 1, against a plain mint backdrop", "generate the object of image 1 on a mint background" },
        { 0, "an image of a red star on a sky background", "a medium red solid filled star on a sky background" },
        { 3, "take the shape from image two, give it the pattern of the object in image one, and put it on the 3rd pic's background", "generate the object of image 2 with the pattern of image 1 on the background of image 3" },
        { 3, "I want the object in image 2 in the style of image one and coloured like the shape in image three against a mint green backdrop", "generate the object of image 2 with the style of image 1 and the color of image 3 on a mint background" },
        { 2, "with image 2's background, render the heart from the 1st photo patterned like image 2", "generate the object of image 1 with the pattern of image 2 on the background of image 2" },
        { 0, "a picture of a big filled-in cyan hexagon with stripes in the middle, on a plain grey background", "a large cyan striped filled hexagon on a gray background" },
        { 0, "can I get a green gradient-shaded diamond, small and outline-only against a sky-blue backdrop", "a small green gradient outlined diamond on a sky background" },
        { 0, "I'd like a solid-colored red star on a sand background", "a medium red solid filled star on a sand background" },
        { 0, "draw a star with a red color and striped pattern", "a medium red striped filled star on a white background" },
    };

    [Theory]
    [MemberData(nameof(Generations))]
    public async Task Generation_becomes_the_standard_sentence(int imageCount, string instruction, string expected)
    {
        var translation = await Translate(imageCount, instruction);

        Assert.False(translation.FellBack, string.Join("; ", translation.Warnings));
        Assert.Equal(expected, translation.Prompt);
    }

    [Fact]
    public async Task Values_the_instruction_does_not_name_are_filled_in_and_said()
    {
        var translation = await Translate(0, "generate a green circle");

        Assert.Equal(
        [
            "the instruction names no size, so the prompt uses \"medium\"",
            "the instruction names no pattern, so the prompt uses \"solid\"",
            "the instruction names no style, so the prompt uses \"filled\"",
            "the instruction names no background, so the prompt uses \"white\"",
        ], translation.Warnings);
    }

    [Fact]
    public async Task Images_a_generation_does_not_use_are_named_in_a_warning()
    {
        var translation = await Translate(2, "generate image 2's object on a sand background");

        Assert.Equal("generate the object of image 2 on a sand background", translation.Prompt);
        Assert.Equal(["the instruction does not use image 1, so the prompt does not either"], translation.Warnings);
    }

    private static Task<InstructionTranslation> Translate(int imageCount, string instruction) =>
        new ShapeWorldTranslator().TranslateAsync(
            Requests.Make(GenerationMode.Generate, imageCount, instruction), CancellationToken.None);
}
