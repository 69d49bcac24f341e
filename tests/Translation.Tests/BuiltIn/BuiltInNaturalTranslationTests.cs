using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Translation.BuiltIn;

namespace DreamOmni2.Translation.Tests.BuiltIn;

/// <summary>For a natural-style pack the built-in translator only rewrites image references, tidies, and says so.</summary>
public sealed class BuiltInNaturalTranslationTests
{
    public static TheoryData<GenerationMode, int, string, string> Rewrites => new()
    {
        { GenerationMode.Edit, 2, "Put the hat from the second photo on the dog in the first photo", "Put the hat from image 2 on the dog in image 1" },
        { GenerationMode.Edit, 2, "make the bag in image one have the leather of image two", "make the bag in image 1 have the leather of image 2" },
        { GenerationMode.Generate, 3, "a cat  wearing the scarf of the last picture , in the style of pic 1", "a cat wearing the scarf of image 3, in the style of image 1" },
        { GenerationMode.Edit, 2, "give the car the color of the other photo", "give the car the color of image 2" },
        { GenerationMode.Generate, 2, "the dog from the left one sitting in the room of the right one", "the dog from image 1 sitting in the room of image 2" },
        { GenerationMode.Edit, 1, "make the sky in this picture purple", "make the sky in image 1 purple" },
        { GenerationMode.Generate, 2, "the person in the image on the left wearing the jacket in the image on the right", "the person in image 1 wearing the jacket in image 2" },
        { GenerationMode.Generate, 2, "the lamp of the other image next to the sofa in Image 1", "the lamp of image 2 next to the sofa in image 1" },
        { GenerationMode.Generate, 0, "  a castle on a hill at sunset ", "a castle on a hill at sunset" },
        { GenerationMode.Edit, 2, "hang the picture frame from image 2 on the wall", "hang the picture frame from image 2 on the wall" },
    };

    /// <summary>References it cannot resolve without guessing; the rest of the refusals are the shape world's
    /// (tests/ShapeWorld.Tests/Reading).</summary>
    public static TheoryData<GenerationMode, int, string, string> Refusals => new()
    {
        { GenerationMode.Edit, 2, "put the hat from image 3 on the dog", "there is no image 3: the request has 2 images" },
        { GenerationMode.Generate, 3, "the cat from the left one", "\"the left one\" needs exactly two images: the request has 3 images" },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public async Task References_become_image_N_and_the_rest_is_kept(GenerationMode mode, int imageCount, string instruction, string expected)
    {
        var translation = await Translate(mode, imageCount, instruction);

        Assert.False(translation.FellBack, string.Join("; ", translation.Warnings));
        Assert.Equal(expected, translation.Prompt);
        var warning = Assert.Single(translation.Warnings);
        Assert.Contains("only rewrites image references", warning);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Instruction_is_kept_and_the_reason_given(GenerationMode mode, int imageCount, string instruction, string reason)
    {
        var translation = await Translate(mode, imageCount, instruction);

        Assert.Equal((true, instruction, ""), (translation.FellBack, translation.Prompt, translation.RawText));
        Assert.Contains(reason, Assert.Single(translation.Problems));
        Assert.Empty(translation.Warnings);
    }

    [Fact]
    public Task A_cancelled_request_throws_instead_of_falling_back() =>
        Assert.ThrowsAnyAsync<OperationCanceledException>(() => new BuiltInInstructionTranslator().TranslateAsync(
            Requests.Make(GenerationMode.Edit, 1, "make the sky red", PromptStyle.Natural), new CancellationToken(canceled: true)));

    private static Task<InstructionTranslation> Translate(GenerationMode mode, int imageCount, string instruction) =>
        new BuiltInInstructionTranslator().TranslateAsync(
            Requests.Make(mode, imageCount, instruction, PromptStyle.Natural), CancellationToken.None);
}
