namespace DreamOmni2.Engine.Translation.Tests;

public sealed class PromptStyleTests
{
    [Theory]
    [InlineData("shape-world", PromptStyle.ShapeWorld)]
    [InlineData(" Natural ", PromptStyle.Natural)]
    public void Reads_the_name_a_pack_uses(string name, PromptStyle style)
    {
        Assert.Equal(style, PromptStyles.Parse(name));
        Assert.Equal(name.Trim().ToLowerInvariant(), style.Name());
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_names_it_could_have_been()
    {
        var thrown = Assert.Throws<FormatException>(() => PromptStyles.Parse("flux"));

        Assert.Equal("unknown prompt style \"flux\": expected \"shape-world\" or \"natural\"", thrown.Message);
    }
}
