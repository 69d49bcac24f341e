using DreamOmni2.Engine.Text;

namespace DreamOmni2.Engine.Tests.Text;

/// <summary>Expected ids come from the sentencepiece library on the same spiece.model (TestData/Tokenizers/make_fixtures.py).</summary>
public class T5TokenizerTests
{
    private const int Eos = 1;

    private static T5Tokenizer Tokenizer() => new(TestData.Path("Tokenizers", "t5", "spiece.model"));

    [Theory]
    [InlineData("make the circle red", new[] { 3, 5, 19, 7, 3, 4, 9, 35, 3, 62, 12 })]
    [InlineData("Hello world!", new[] { 3, 58, 7, 27, 29, 3, 33, 65, 26, 12, 55 })]
    [InlineData("a   small  star on a sky background", new[] { 18, 24, 5, 27, 39, 6, 11, 18, 24, 19, 34, 22 })]
    [InlineData("zebra Ω", new[] { 3, 61, 7, 50, 13, 28, 3, 2 })]
    [InlineData("ｆｕｌｌ width", new[] { 47, 25, 27, 3, 33, 16, 12, 4, 51 })]
    public void Encodes_like_sentencepiece_then_end_of_sentence_then_padding(string text, int[] expected)
    {
        var ids = Tokenizer().Encode(text, 32);

        Assert.Equal(32, ids.Length);
        Assert.Equal(expected, ids[..expected.Length]);
        Assert.Equal(Eos, ids[expected.Length]);
        Assert.All(ids[(expected.Length + 1)..], id => Assert.Equal(T5Tokenizer.PadId, id));
    }

    [Fact]
    public void Truncates_to_max_length_keeping_end_of_sentence_last()
    {
        var ids = Tokenizer().Encode("make the circle red", 4);

        Assert.Equal([3, 5, 19, Eos], ids);
    }
}
