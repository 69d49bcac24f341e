using DreamOmni2.Engine.Text;

namespace DreamOmni2.Engine.Tests.Text;

public class TokenizerFactoryTests
{
    private static readonly string s_tokenizers = TestData.Path("Tokenizers");

    [Fact]
    public void Creates_clip_from_the_default_file_names()
    {
        var tokenizer = TokenizerFactory.Create(new TokenizerSpec(TokenizerKind.ClipBpe), Path.Combine(s_tokenizers, "clip"));

        Assert.IsType<ClipBpeTokenizer>(tokenizer);
        Assert.Equal(77, tokenizer.Encode("a red cat", 77).Length);
    }

    [Fact]
    public void Creates_t5_from_a_named_file()
    {
        var tokenizer = TokenizerFactory.Create(new TokenizerSpec(TokenizerKind.T5SentencePiece, Model: "t5/spiece.model"), s_tokenizers);

        Assert.IsType<T5Tokenizer>(tokenizer);
    }

    [Fact]
    public void Creates_words_from_vocab_txt()
    {
        string pack = Directory.CreateTempSubdirectory().FullName;
        try
        {
            File.WriteAllLines(Path.Combine(pack, "vocab.txt"), ["[PAD]", "[UNK]", "red"]);

            var tokenizer = TokenizerFactory.Create(new TokenizerSpec(TokenizerKind.Words), pack);

            Assert.Equal([2, 1, 0], tokenizer.Encode("red blue", 3));
        }
        finally
        {
            Directory.Delete(pack, recursive: true);
        }
    }

    [Fact]
    public void A_missing_file_is_named_in_the_error()
    {
        var spec = new TokenizerSpec(TokenizerKind.ClipBpe, Merges: "text/merges.txt");

        var error = Assert.Throws<FileNotFoundException>(() => TokenizerFactory.Create(spec, Path.Combine(s_tokenizers, "clip")));

        Assert.Contains("merges file 'text/merges.txt' is not in the pack folder", error.Message);
        Assert.EndsWith(Path.Combine("text", "merges.txt"), error.FileName);
    }

    [Fact]
    public void An_unknown_kind_lists_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => TokenizerFactory.Create(new TokenizerSpec("wordpiece"), s_tokenizers));

        Assert.Contains("unknown tokenizer kind 'wordpiece'; expected one of clip-bpe, t5-sentencepiece, words", error.Message);
    }
}
