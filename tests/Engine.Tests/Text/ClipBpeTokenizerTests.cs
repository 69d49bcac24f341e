using DreamOmni2.Engine.Text;

namespace DreamOmni2.Engine.Tests.Text;

/// <summary>Expected ids come from openai/CLIP's simple_tokenizer algorithm (TestData/Tokenizers/make_fixtures.py).</summary>
public class ClipBpeTokenizerTests
{
    private const int Bos = 529;
    private const int Eos = 530;

    private static ClipBpeTokenizer Tokenizer() =>
        new(TestData.Path("Tokenizers", "clip", "vocab.json"), TestData.Path("Tokenizers", "clip", "merges.txt"));

    [Fact]
    public void Special_tokens_are_read_from_the_vocabulary()
    {
        var tokenizer = Tokenizer();
        Assert.Equal(Bos, tokenizer.StartOfTextId);
        Assert.Equal(Eos, tokenizer.EndOfTextId);
    }

    [Theory]
    [InlineData("a red cat", new[] { Bos, 320, 515, 517, Eos })]
    [InlineData("  The RED   star,  running!", new[] { Bos, 513, 515, 520, 267, 81, 84, 77, 77, 522, 256, Eos })]
    [InlineData("héllo image 42", new[] { Bos, 71, 127, 102, 75, 75, 334, 528, 275, 273, Eos })]
    public void Encodes_like_clip_and_pads_with_end_of_text(string text, int[] expected)
    {
        var ids = Tokenizer().Encode(text, ClipBpeTokenizer.DefaultMaxLength);

        Assert.Equal(ClipBpeTokenizer.DefaultMaxLength, ids.Length);
        Assert.Equal(expected, ids[..expected.Length]);
        Assert.All(ids[expected.Length..], id => Assert.Equal(Eos, id));
    }

    [Fact]
    public void Truncates_to_max_length_keeping_end_of_text_last()
    {
        var ids = Tokenizer().Encode("on the mat" + string.Concat(Enumerable.Repeat(" cat", 80)), 77);

        Assert.Equal(77, ids.Length);
        Assert.Equal([Bos, 524, 513, 76, 64, 339, 517], ids[..7]);
        Assert.All(ids[7..76], id => Assert.Equal(517, id));
        Assert.Equal(Eos, ids[76]);
    }
}
