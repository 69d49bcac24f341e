using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine.Tests.Pipeline;

namespace DreamOmni2.Engine.Tests.Requests;

/// <summary>The one place a request is checked and completed, as every front end (page, hub, CLI) uses it.</summary>
[Collection(FixtureCollection.Name)]
public class RequestRulesTests(FixtureSessions fixture)
{
    private RequestRules Rules => fixture.Sessions.Rules;

    private static GenerationRequest Edit => new() { Mode = GenerationMode.Edit, Instruction = "make the circle in image 1 red" };

    private InvalidRequestException Refused(GenerationRequest request, int images = 1) =>
        Assert.Throws<InvalidRequestException>(() => Rules.Complete(request, images));

    [Fact]
    public void Nulls_take_the_packs_defaults_and_a_seed_is_drawn_once()
    {
        var manifest = fixture.Sessions.Pack.Manifest;
        var settings = Rules.Complete(Edit, 2);

        Assert.Equal((manifest.Defaults.Steps, manifest.Defaults.Guidance, manifest.Encoding), (settings.Steps, settings.Guidance, settings.Scheme));
        Assert.True(settings.RandomSeed);
        Assert.Null(settings.LockedPrompt);
        Assert.Equal("make the circle in image 1 red", settings.Instruction);
        var given = Rules.Complete(Edit with { Seed = 7, Scheme = EncodingScheme.None, Prompt = "  a red circle  " }, 1);
        Assert.Equal((7UL, false, EncodingScheme.None, "a red circle"), (given.Seed, given.RandomSeed, given.Scheme, given.LockedPrompt));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(1001)]
    [InlineData(100_000)]
    public void Steps_outside_the_bounds_are_refused(int steps)
    {
        var error = Refused(Edit with { Steps = steps });
        Assert.Equal(RequestField.Steps, error.Error.Field);
        Assert.Equal($"steps must be between 1 and 1000; {steps} was given", error.Message);
    }

    [Theory]
    [InlineData(-5f)]
    [InlineData(31f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Guidance_outside_the_bounds_is_refused(float guidance) =>
        Assert.Equal(RequestField.Guidance, Refused(Edit with { Guidance = guidance }).Error.Field);

    [Fact]
    public void A_mode_that_does_not_exist_is_refused_as_such()
    {
        var error = Refused(Edit with { Mode = (GenerationMode)7 });
        Assert.Equal((RequestField.Mode, "the mode must be edit or generate"), (error.Error.Field, error.Message));
    }

    [Fact]
    public void Image_counts_are_checked_against_the_pack_and_the_mode()
    {
        var tooMany = Refused(Edit, images: 9);
        Assert.Equal((RequestField.Images, $"9 images were given; this pack takes at most {Rules.MaxImages} — remove {9 - Rules.MaxImages}"),
            (tooMany.Error.Field, tooMany.Message));
        Assert.Equal(RequestField.Images, Refused(Edit, images: 0).Error.Field);
        Assert.Equal(GenerationMode.Generate, Rules.Complete(Edit with { Mode = GenerationMode.Generate }, 0).Mode);
    }

    [Fact]
    public void Empty_overlong_and_misplaced_text_is_refused()
    {
        Assert.Equal(RequestField.Instruction, Refused(Edit with { Instruction = "   " }).Error.Field);
        Assert.Equal(RequestField.Instruction, Refused(Edit with { Instruction = new string('a', RequestLimits.MaxTextLength + 1) }).Error.Field);
        Assert.Equal(RequestField.Prompt, Refused(Edit with { Prompt = new string('a', RequestLimits.MaxTextLength + 1) }).Error.Field);
        Assert.Equal(RequestField.Size, Refused(Edit with { OutputSize = new ImageSize(256, 128) }).Error.Field);
        Assert.Equal(RequestField.Size, Refused(Edit with { Mode = GenerationMode.Generate, OutputSize = new ImageSize(0, 128) }, 0).Error.Field);
    }

    [Fact]
    public void An_edit_keeps_image_1s_bucket_and_a_generation_fits_its_aspect_ratio_to_the_pack_area()
    {
        var manifest = fixture.Sessions.Pack.Manifest;
        var first = Rules.ReferenceSize(200, 120);
        Assert.Equal(first, Rules.OutputSize(GenerationMode.Edit, [first, Rules.ReferenceSize(90, 150)], null));
        Assert.Equal(manifest.Defaults.GenerateSize, Rules.OutputSize(GenerationMode.Generate, [first], null));
        Assert.Equal(OutputSize.For(300, 150, manifest.Defaults.MaxArea, manifest.Latent.PixelsPerToken),
            Rules.OutputSize(GenerationMode.Generate, [], new ImageSize(300, 150)));
    }

    [Fact]
    public void A_step_count_given_by_the_host_replaces_the_packs_default()
    {
        var rules = new RequestRules(fixture.Sessions.Pack.Manifest, defaultSteps: 2);
        Assert.Equal(2, rules.Complete(Edit, 1).Steps);
        Assert.Equal(9, rules.Complete(Edit with { Steps = 9 }, 1).Steps);
    }
}
