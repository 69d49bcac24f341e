using DreamOmni2.Contracts;
using DreamOmni2.ShapeWorld.Reading;
using DreamOmni2.Translation;

namespace DreamOmni2.ShapeWorld.Tests.Reading;

/// <summary>Edits for the shape-world pack: every way of asking becomes one standard edit sentence.</summary>
public sealed class ShapeWorldEditTranslationTests
{
    public static TheoryData<int, string, string> Edits => new()
    {
        // Multimodal edits: one attribute of a reference image.
        { 2, "make the square in image 1 have the color of image 2", "make the square in image 1 have the color of image 2" },
        { 2, "Give the square in the first picture the colour of the second picture.", "make the square in image 1 have the color of image 2" },
        { 2, "make the star have the texture of image two", "make the star in image 1 have the pattern of image 2" },
        { 2, "the circle should have the same pattern as the other photo", "make the circle in image 1 have the pattern of image 2" },
        { 2, "make image 1 have the background of image 2", "make image 1 have the background of image 2" },
        { 2, "use the backdrop of the right one for image 1", "make image 1 have the background of image 2" },
        { 2, "make the heart in image 1 striped like the right one", "make the heart in image 1 have the pattern of image 2" },
        { 2, "give the hexagon image 2's outline", "make the hexagon in image 1 have the style of image 2" },
        { 2, "make the triangle take the shape of the last image", "make the triangle in image 1 have the shape of image 2" },
        { 2, "make the cross in image 1 have the fill of image #2", "make the cross in image 1 have the style of image 2" },
        { 3, "give the diamond the pattern of the star in image 3", "make the diamond in image 1 have the pattern of image 3" },
        { 3, "make the star in image 1 have the color of the third image", "make the star in image 1 have the color of image 3" },
        { 2, "the square should get the print of picture 2", "make the square in image 1 have the pattern of image 2" },
        { 2, "make the red square in image 1 have the pattern of image 2", "make the square in image 1 have the pattern of image 2" },
        { 2, "give the star in photo 1 the hue of the 2nd pic", "make the star in image 1 have the color of image 2" },
        { 2, "make the circle the same colour as image 2's heart", "make the circle in image 1 have the color of image 2" },
        { 3, "copy the material from the last photo onto the square", "make the square in image 1 have the pattern of image 3" },
        { 2, "make the square red like image 2", "make the square in image 1 have the color of image 2" },
        { 2, "make image 1's square have image 2's color", "make the square in image 1 have the color of image 2" },
        { 2, "Make the square in the 1st image have the color of image no. 2", "make the square in image 1 have the color of image 2" },
        { 2, "make the square in image 1 have the colour of the circle in the other image", "make the square in image 1 have the color of image 2" },
        { 2, "give the circle the colour of the shape in the second picture", "make the circle in image 1 have the color of image 2" },
        { 3, "make the cross have the same pattern as the one in pic 3", "make the cross in image 1 have the pattern of image 3" },
        { 2, "change the color of the heart in image one to match the shape in image 2", "make the heart in image 1 have the color of image 2" },
        { 2, "recolour the star to match the object in image 2", "make the star in image 1 have the color of image 2" },
        { 2, "I'd like the star to be coloured like the one in image 2", "make the star in image 1 have the color of image 2" },
        { 2, "turn the hexagon into the shape from the second photo", "make the hexagon in image 1 have the shape of image 2" },
        { 3, "change the hexagon to the shape of image 3, keeping its colour and pattern", "make the hexagon in image 1 have the shape of image 3" },
        { 2, "reshape the heart so it has the same shape as the object in pic 2", "make the heart in image 1 have the shape of image 2" },
        { 2, "keep everything about the triangle in image one except its shape, which should match the one in the 2nd photo", "make the triangle in image 1 have the shape of image 2" },
        { 4, "draw the cross in the same style as the shape in the 4th picture", "make the cross in image 1 have the style of image 4" },
        { 2, "make the square filled or outlined the way the one in image two is", "make the square in image 1 have the style of image 2" },
        { 2, "swap the background of image 1 for the one in image 2", "make image 1 have the background of image 2" },
        { 2, "replace the background behind the diamond with the background from photo two", "make image 1 have the background of image 2" },
        // Text-only edits: one new value.
        { 1, "make the square in image 1 red", "make the square in image 1 red" },
        { 1, "make the square blue", "make the square in image 1 blue" },
        { 1, "turn the star violet", "make the star in image 1 purple" },
        { 1, "give the circle stripes", "make the circle in image 1 striped" },
        { 1, "make the heart polka-dotted", "make the heart in image 1 dotted" },
        { 1, "make the diamond checkerboard", "make the diamond in image 1 checkered" },
        { 1, "make the hexagon checked", "make the hexagon in image 1 checkered" },
        { 1, "make the triangle just an outline", "make the triangle in image 1 outlined" },
        { 1, "make the cross tiny", "make the cross in image 1 small" },
        { 1, "make the star big", "make the star in image 1 large" },
        { 1, "turn the square into a circle", "make the square in image 1 a circle" },
        { 1, "replace the heart with a star", "make the heart in image 1 a star" },
        { 1, "change the hexagon to a diamond", "make the hexagon in image 1 a diamond" },
        { 1, "make the background of image 1 mint", "make the background of image 1 mint" },
        { 1, "change the backdrop to grey", "make the background of image 1 gray" },
        { 1, "give the picture a sand background", "make the background of image 1 sand" },
        { 1, "Make the  square   in image 1 gradient.", "make the square in image 1 gradient" },
        { 1, "make the star in this photo filled", "make the star in image 1 filled" },
        { 1, "make the medium-sized red star large", "make the star in image 1 large" },
        { 1, "please make the hollow circle solid", "make the circle in image 1 solid" },
        { 1, "make the square's colour: red", "make the square in image 1 red" },
        { 1, "change the circle in the photo from filled to outlined", "make the circle in image 1 outlined" },
        { 1, "make the star filled instead of outlined", "make the star in image 1 filled" },
        { 1, "fill in the heart", "make the heart in image 1 filled" },
        { 1, "draw only the outline of the star", "make the star in image 1 outlined" },
        { 1, "give the square no pattern", "make the square in image 1 solid" },
        { 1, "scale the star in this photo to medium size", "make the star in image 1 medium" },
        { 1, "I'd like a heart instead of the star", "make the star in image 1 a heart" },
        { 1, "change the star to a circle, keeping everything else", "make the star in image 1 a circle" },
        { 1, "make the background sky blue", "make the background of image 1 sky" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task Edit_becomes_the_standard_sentence(int imageCount, string instruction, string expected)
    {
        var translation = await Translate(imageCount, instruction);

        Assert.False(translation.FellBack, string.Join("; ", translation.Warnings));
        Assert.Equal(expected, translation.Prompt);
        Assert.Equal(expected, translation.RawText);
        Assert.Equal("built-in", translation.TranslatorName);
    }

    [Fact]
    public async Task Reference_images_the_edit_does_not_use_are_named_in_a_warning()
    {
        var translation = await Translate(3, "make the circle in image 1 yellow");

        Assert.Equal("make the circle in image 1 yellow", translation.Prompt);
        Assert.Equal(["the instruction does not use image 2, image 3, so the prompt does not either"], translation.Warnings);
    }

    [Fact]
    public async Task An_edit_that_uses_every_image_has_no_warning()
    {
        var translation = await Translate(2, "make the square in image 1 have the color of image 2");

        Assert.Empty(translation.Warnings);
    }

    private static Task<InstructionTranslation> Translate(int imageCount, string instruction) =>
        new ShapeWorldTranslator().TranslateAsync(Requests.Make(GenerationMode.Edit, imageCount, instruction), CancellationToken.None);
}
