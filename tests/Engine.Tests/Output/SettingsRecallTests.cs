using DreamOmni2.Contracts;
using DreamOmni2.Engine.Output;

namespace DreamOmni2.Engine.Tests.Output;

public class SettingsRecallTests
{
    [Fact]
    public void This_playgrounds_json_gives_back_every_setting()
    {
        var written = new GenerationParameters("make the star red", "the star in image 1 is red", "rules", GenerationMode.Edit,
            4242, 12, 2.5f, new SchemeParameters(true, false), new ImageSize(64, 64), new PackParameters("tiny", "ab"), "0.1.0");

        var recalled = SettingsRecall.Read(written.ToJson());

        Assert.Equal(new RecalledSettings(SettingsRecall.PlaygroundSource, "make the star red", "the star in image 1 is red", GenerationMode.Edit,
            4242ul, 12, 2.5f, EncodingScheme.IndexOnly, []), recalled with { Notes = [] });
        Assert.Empty(recalled.Notes);
    }

    [Fact]
    public void A1111_lines_give_the_prompt_seed_steps_and_cfg_and_say_what_is_not_used()
    {
        const string text = """
            a red star on a blue background,
            high detail
            Negative prompt: blurry, "low quality"
            Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 123, Size: 512x512, Model hash: abc, Lora hashes: "a: 1, b: 2", Version: v1.10
            """;

        var recalled = SettingsRecall.Read(text);

        Assert.Equal(SettingsRecall.A1111Source, recalled.Source);
        Assert.Equal("a red star on a blue background,\nhigh detail", recalled.Instruction);
        Assert.Null(recalled.Prompt);
        Assert.Equal((123ul, 20, 7f), (recalled.Seed, recalled.Steps, recalled.Guidance));
        Assert.Contains(recalled.Notes, n => n.Contains("negative prompt", StringComparison.Ordinal));
        Assert.Contains("not used here: Sampler, Size, Model hash, Lora hashes, Version", recalled.Notes);
    }

    [Fact]
    public void SwarmUI_json_gives_its_prompt_and_numbers()
    {
        var recalled = SettingsRecall.Read("""{"sui_image_params":{"prompt":"a green circle","seed":99,"steps":30,"cfgscale":5.5,"model":"x"}}""");

        Assert.Equal((SettingsRecall.SwarmSource, "a green circle", 99ul, 30, 5.5f),
            (recalled.Source, recalled.Instruction, recalled.Seed, recalled.Steps, recalled.Guidance));
    }

    [Theory]
    [InlineData("Steps: 0, CFG scale: -5, Seed: -1", "steps", "guidance", "-1 (random)")]
    [InlineData("Steps: lots, CFG scale: NaN, Seed: 1e9", "steps", "guidance", "seed is not a whole number")]
    [InlineData("""{"seed":"x","steps":5000,"guidance":"high","scheme":"both","mode":"paint"}""", "steps", "guidance", "seed is not a whole number")]
    public void Out_of_bounds_or_unreadable_values_are_left_out_with_a_note(string text, string stepsNote, string guidanceNote, string seedNote)
    {
        var recalled = SettingsRecall.Read(text);

        Assert.Null(recalled.Seed);
        Assert.Null(recalled.Steps);
        Assert.Null(recalled.Guidance);
        Assert.Contains(recalled.Notes, n => n.Contains(stepsNote, StringComparison.Ordinal));
        Assert.Contains(recalled.Notes, n => n.Contains(guidanceNote, StringComparison.Ordinal));
        Assert.Contains(recalled.Notes, n => n.Contains(seedNote, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("just some words a camera wrote")]
    [InlineData("{ not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"a\":" + "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]" + "}")]
    public void Garbage_gives_nothing_with_a_reason_and_never_throws(string? text)
    {
        var recalled = SettingsRecall.Read(text);

        Assert.False(recalled.HasAny);
        Assert.NotEmpty(Assert.Single(recalled.Notes));
    }

    [Fact]
    public void Huge_texts_are_not_read_and_long_lines_take_linear_time()
    {
        var tooLong = SettingsRecall.Read(new string('a', SettingsRecall.MaxTextLength + 1));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var longLine = SettingsRecall.Read("prompt\nSteps: 3, " + new string('x', SettingsRecall.MaxTextLength - 20));

        Assert.False(tooLong.HasAny);
        Assert.Contains("not read", Assert.Single(tooLong.Notes), StringComparison.Ordinal);
        Assert.Equal(3, longLine.Steps);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(1), $"a 64 KB line took {started.Elapsed.TotalMilliseconds:0} ms");
    }
}
