using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Packs;
using DreamOmni2.ShapeWorld.Reading;
using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.Translation;

namespace DreamOmni2.ShapeWorld.Tests.Reading;

/// <summary>
/// The shape-world translator with real pictures: it reads each one, so "it" and "the thing in the first picture"
/// name the object there, it says what it saw, and what an instruction says wrongly of the pictures is a problem.
/// </summary>
public sealed class ShapeWorldSeeingTranslationTests
{
    private const int Size = ShapeWorldValues.CanvasSize;

    /// <summary>A small red striped star on sand.</summary>
    private static readonly SceneSpec Star = new(
        Shape: 3, Color: 0, Pattern: 1, Style: ShapeWorldValues.Filled, Size: 0, Background: 7, Lighting: Lighting.Flat, CenterX: 30, CenterY: 34);

    /// <summary>A large blue circle on mint, lit from the top.</summary>
    private static readonly SceneSpec Circle = new(
        Shape: 0, Color: 5, Pattern: 0, Style: ShapeWorldValues.Filled, Size: 2, Background: 5, Lighting: Lighting.FromTop, CenterX: 36, CenterY: 30);

    /// <summary>A medium green dotted heart on white.</summary>
    private static readonly SceneSpec Heart = new(
        Shape: 4, Color: 3, Pattern: 2, Style: ShapeWorldValues.Filled, Size: 1, Background: 0, Lighting: Lighting.Flat, CenterX: 28, CenterY: 33);

    public static TheoryData<string, string> ReferencesToWhatIsThere => new()
    {
        { "give the thing in the first picture the colour of the second one", "make the star in image 1 have the color of image 2" },
        { "recolour image #1 using img 2", "make the star in image 1 have the color of image 2" },
        { "make it look like the third pic's texture", "make the star in image 1 have the pattern of image 3" },
        { "give the object in image 1 the shape of the object in the second one", "make the star in image 1 have the shape of image 2" },
        { "make it purple", "make the star in image 1 purple" },
        { "make the shape in image 1 big", "make the star in image 1 large" },
    };

    [Theory]
    [MemberData(nameof(ReferencesToWhatIsThere))]
    public async Task It_and_the_thing_name_the_object_in_image_1(string instruction, string expected)
    {
        var translation = await Translate(GenerationMode.Edit, instruction, Png(Star), Png(Circle), Png(Heart));

        Assert.False(translation.FellBack, string.Join("; ", translation.Problems));
        Assert.Equal(expected, translation.Prompt);
        Assert.Empty(translation.Problems);
    }

    [Fact]
    public async Task What_was_seen_in_each_picture_is_said_one_line_a_picture()
    {
        var translation = await Translate(GenerationMode.Edit, "give the thing in the first picture the colour of the second one",
            Png(Star), Jpeg(Circle), Png(BlankSky()));

        Assert.Equal(
        [
            "image 1: small red striped star on sand",
            "image 2: large blue circle on mint lit from the top",
            "image 3: no object, only a sky background",
        ], translation.ImageReadings);
    }

    [Fact]
    public async Task A_generation_of_the_thing_in_a_picture_draws_that_object()
    {
        var translation = await Translate(GenerationMode.Generate, "put the thing in the second one on a sky background", Png(Star), Png(Circle));

        Assert.Equal("generate the object of image 2 on a sky background", translation.Prompt);
        Assert.Empty(translation.Problems);
    }

    public static TheoryData<GenerationMode, string, string, string> Contradictions => new()
    {
        {
            GenerationMode.Edit, "make the circle in image 1 have the color of image 2",
            "make the star in image 1 have the color of image 2",
            "image 1 has no circle: it holds a small red striped star on sand, so the prompt names the star"
        },
        {
            GenerationMode.Edit, "give the star the pattern of the heart in image 2",
            "make the star in image 1 have the pattern of image 2",
            "image 2 has no heart: it holds a large blue circle on mint lit from the top"
        },
        {
            GenerationMode.Edit, "make the blue star in image 1 large", "make the star in image 1 large", "image 1's star is red, not blue"
        },
        {
            GenerationMode.Generate, "generate the object of image 3 with the color of image 1",
            "generate the object of image 3 with the color of image 1 on a white background",
            "image 3 holds no object, only a background, so the prompt uses an object that is not there"
        },
        {
            GenerationMode.Generate, "draw the heart from image 2 on the background of image 1",
            "generate the object of image 2 on the background of image 1",
            "image 2 has no heart: it holds a large blue circle on mint lit from the top"
        },
    };

    [Theory]
    [MemberData(nameof(Contradictions))]
    public async Task What_an_instruction_says_wrongly_of_a_picture_is_a_problem(GenerationMode mode, string instruction, string prompt, string problem)
    {
        var translation = await Translate(mode, instruction, Png(Star), Png(Circle), Png(BlankSky()));

        Assert.False(translation.FellBack);
        Assert.Equal(prompt, translation.Prompt);
        Assert.Equal([problem], translation.Problems);
    }

    [Fact]
    public async Task A_picture_the_request_lacks_falls_back_and_still_says_what_was_seen()
    {
        var translation = await Translate(GenerationMode.Edit, "give the thing in the first picture the colour of image 3", Png(Star), Png(Circle));

        Assert.True(translation.FellBack);
        Assert.Equal(["there is no image 3: the request has 2 images"], translation.Problems);
        Assert.Equal(2, translation.ImageReadings.Count);
    }

    [Fact]
    public async Task It_on_a_picture_without_an_object_falls_back()
    {
        var translation = await Translate(GenerationMode.Edit, "make it red", Png(BlankSky()));

        Assert.True(translation.FellBack);
        Assert.Equal(["image 1 holds no object to change, only a background"], translation.Problems);
    }

    [Fact]
    public async Task It_on_a_picture_that_is_not_of_the_shape_world_falls_back_saying_what_it_is()
    {
        var translation = await Translate(GenerationMode.Edit, "make it red", GradientPattern.Png(200, 120, 1));

        Assert.True(translation.FellBack);
        Assert.Equal("image 1: not a shape-world picture: its edges are not a plain background", Assert.Single(translation.ImageReadings));
        Assert.Contains("the instruction does not name the shape in image 1 to change", Assert.Single(translation.Problems));
        Assert.EndsWith("and image 1 is not a shape-world picture: its edges are not a plain background", translation.Problems[0]);
    }

    private static Task<InstructionTranslation> Translate(GenerationMode mode, string instruction, params byte[][] images) =>
        new ShapeWorldTranslator().TranslateAsync(
            new TranslationRequest([.. images.Select(bytes => TranslationImage.FromEncoded(bytes))], instruction, mode, PromptStyle.ShapeWorld),
            CancellationToken.None);

    private static byte[] Png(SceneSpec scene) => PngEncoder.Encode(SceneRenderer.Render(scene).Rgb, Size, Size);

    private static byte[] Jpeg(SceneSpec scene) => JpegEncoder.Encode(SceneRenderer.Render(scene).Rgb, Size, Size, 85);

    private static byte[] BlankSky() => BackgroundImages.For(4, Lighting.Flat).ToArray();

    private static byte[] Png(byte[] rgb) => PngEncoder.Encode(rgb, Size, Size);
}
