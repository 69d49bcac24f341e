using DreamOmni2.Contracts;
using DreamOmni2.ShapeWorld.Reading;

namespace DreamOmni2.ShapeWorld.Tests.Reading;

/// <summary>
/// What the shape-world translator must not guess at: it returns the instruction as written, marked as a fallback,
/// with a warning that names what it could not understand.
/// </summary>
public sealed class ShapeWorldRefusalTests
{
    public static TheoryData<GenerationMode, int, string, string> Refusals => new()
    {
        { GenerationMode.Edit, 2, "make the square in image 1 have the color of image 4", "there is no image 4: the request has 2 images" },
        { GenerationMode.Edit, 2, "make the square in image 0 red", "there is no image 0: images are numbered from 1" },
        { GenerationMode.Edit, 1, "give the star the pattern of the second picture", "there is no image 2: the request has 1 image" },
        { GenerationMode.Edit, 2, "make the square smell like image 2", "could not understand \"smell\"" },
        { GenerationMode.Edit, 1, "make it nicer", "could not understand \"nicer\"" },
        { GenerationMode.Edit, 1, "make the square red and blue", "conflicting colors: the color \"red\" and the color \"blue\"" },
        { GenerationMode.Edit, 2, "make the square red and give it the color of image 2", "conflicting colors: the color of image 2 and the color \"red\"" },
        { GenerationMode.Edit, 1, "make it red", "the instruction does not name the shape in image 1 to change" },
        { GenerationMode.Edit, 1, "make the square red and striped", "an edit changes one thing, and the instruction asks for the color \"red\" and the pattern \"striped\"" },
        { GenerationMode.Edit, 2, "make the square look like image 2", "the instruction does not say what to take from image 2" },
        { GenerationMode.Edit, 3, "make the star have the color of the other photo", "\"the other photo\" needs exactly two images: the request has 3 images" },
        { GenerationMode.Edit, 1, "make the star black", "\"black\" is a background in the shape world, not a color a shape can have" },
        { GenerationMode.Edit, 1, "make the star brown", "\"brown\" is not a color of the shape world" },
        { GenerationMode.Edit, 2, "make the square have the size of image 2", "size cannot be taken from image 2" },
        { GenerationMode.Edit, 0, "make the square red", "an edit needs the image to edit: the request has no images" },
        { GenerationMode.Edit, 1, "do not make the square red", "negation (\"not\") is not understood" },
        { GenerationMode.Edit, 2, "generate the object of image 2", "\"generate\" asks for a generation, but the request is an edit" },
        { GenerationMode.Edit, 1, "make the square and the circle red", "the instruction names more than one shape to change" },
        { GenerationMode.Edit, 1, "make the square", "the instruction names nothing to change" },
        { GenerationMode.Edit, 2, "make image 1 have the object of image 2", "an edit can take the color, pattern, shape, style or background of image 2, not its whole object" },
        { GenerationMode.Edit, 1, "   ", "the instruction is empty" },
        { GenerationMode.Edit, 2, "make the square have the color and pattern of image 2", "an edit changes one thing, and the instruction asks for the color of image 2 and the pattern of image 2" },
        { GenerationMode.Edit, 1, "make the star's background blue", "\"blue\" is not a background of the shape world, which has white, black, gray, beige, sky, mint, lilac, sand" },
        { GenerationMode.Edit, 2, "make the square have the color of image 2's background", "\"the color of image 2's background\" cannot be said in the shape world" },
        { GenerationMode.Generate, 2, "change the square to red", "\"change\" asks for an edit, but the request is a generation" },
        { GenerationMode.Generate, 0, "draw a red star and a blue circle", "the instruction names several shapes (star, circle): a generation draws one" },
        { GenerationMode.Generate, 0, "draw a star", "the instruction names no color for the star" },
        { GenerationMode.Generate, 0, "a red star on a red background", "\"red\" is not a background of the shape world" },
        { GenerationMode.Generate, 0, "a green heart on a striped backdrop", "\"striped\" is not a background of the shape world" },
        { GenerationMode.Generate, 0, "draw something red", "could not understand \"something\"" },
        { GenerationMode.Generate, 2, "generate the object of image 1 in red", "a generation from images cannot set the color to \"red\" by name" },
        { GenerationMode.Generate, 3, "generate the object of image 1 with the color of image 2 and the color of image 3", "conflicting colors: the color of image 2 and the color of image 3" },
        { GenerationMode.Generate, 2, "generate a star with the color of image 2", "the instruction does not say which image's object to generate" },
        { GenerationMode.Generate, 2, "generate the object of the image", "\"image\" without a number: say which image (image 1, image 2, …)" },
        { GenerationMode.Generate, 2, "generate the object of the other picture", "\"the other picture\" is unclear" },
        { GenerationMode.Generate, 2, "generate the object of image 1 and the object of image 2", "the instruction names the objects of image 1 and image 2: a generation draws one" },
        { GenerationMode.Generate, 3, "generate the object of image 1 on the background of image 2 on a sky background", "conflicting backgrounds: the background of image 2 and the background \"sky\"" },
        { GenerationMode.Generate, 6, "generate the object of image 6", "the shape world names images 1 to 5 only" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Instruction_is_kept_and_the_reason_given(
        GenerationMode mode, int imageCount, string instruction, string reason)
    {
        var translation = await new ShapeWorldTranslator().TranslateAsync(
            Requests.Make(mode, imageCount, instruction), CancellationToken.None);

        Assert.True(translation.FellBack);
        Assert.Equal(instruction, translation.Prompt);
        Assert.Equal("", translation.RawText);
        Assert.Contains(reason, Assert.Single(translation.Problems));
        Assert.Empty(translation.Warnings);
    }

    [Fact]
    public async Task A_cancelled_request_throws_instead_of_falling_back()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ShapeWorldTranslator().TranslateAsync(
            Requests.Make(GenerationMode.Edit, 1, "make the square red"), new CancellationToken(canceled: true)));
    }
}
