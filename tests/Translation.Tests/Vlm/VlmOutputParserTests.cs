using DreamOmni2.Translation.Vlm;

namespace DreamOmni2.Translation.Tests.Vlm;

public sealed class VlmOutputParserTests
{
    [Theory]
    [InlineData("<gen>make the bag in image 1 have the leather of image 2</gen>", "make the bag in image 1 have the leather of image 2")]
    [InlineData("<gen>\n  make the square in image 1 red \n</gen>\n", "make the square in image 1 red")]
    [InlineData("Sure. <gen>a red star</gen> Anything else?", "a red star")]
    [InlineData("<GEN>a red star</GEN>", "a red star")]
    [InlineData("<gen>first</gen><gen>second</gen>", "first")]
    public void Text_inside_gen_tags_is_the_prompt(string answer, string expected) =>
        Assert.Equal(expected, VlmOutputParser.Parse(answer));

    [Theory]
    [InlineData("<ans>\na red star\n</ans>", "a red star")]
    [InlineData("<out> a blue heart </out>\n", "a blue heart")]
    public void Another_tag_gets_the_official_slice_of_six_and_seven_characters(string answer, string expected) =>
        Assert.Equal(expected, VlmOutputParser.Parse(answer));

    [Theory]
    [InlineData("  make the star in image 1 large \n", "make the star in image 1 large")]
    [InlineData("make the square red</gen>", "make the square red")]
    [InlineData("make the square red </gen>  ", "make the square red")]
    [InlineData("<gen>make the square red", "make the square red")]
    public void Answers_without_a_tag_pair_keep_their_text(string answer, string expected) =>
        Assert.Equal(expected, VlmOutputParser.Parse(answer));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("<gen></gen>")]
    [InlineData("<gen>  \n </gen>")]
    [InlineData("</gen>")]
    public void Answers_with_no_prompt_parse_to_empty(string? answer) =>
        Assert.Equal("", VlmOutputParser.Parse(answer));
}
