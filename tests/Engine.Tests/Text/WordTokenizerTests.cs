using DreamOmni2.Engine.Text;

namespace DreamOmni2.Engine.Tests.Text;

public class WordTokenizerTests
{
    private static readonly string[] s_vocabulary = ["[PAD]", "[UNK]", "make", "the", "circle", "red", "in", "image", "1"];

    [Fact]
    public void Maps_words_to_line_numbers_and_pads_with_zero()
    {
        var ids = new WordTokenizer(s_vocabulary).Encode("make the circle in image 1 red", 10);

        Assert.Equal([2, 3, 4, 6, 7, 8, 5, 0, 0, 0], ids);
    }

    [Fact]
    public void Lower_cases_and_splits_on_whitespace_and_punctuation()
    {
        var ids = new WordTokenizer(s_vocabulary).Encode("  MAKE the\tcircle,red.", 5);

        Assert.Equal([2, 3, 4, 5, 0], ids);
    }

    [Fact]
    public void Unknown_words_become_unk()
    {
        var ids = new WordTokenizer(s_vocabulary).Encode("make the zebra red", 4);

        Assert.Equal([2, 3, WordTokenizer.UnknownId, 5], ids);
    }

    [Fact]
    public void Truncates_to_max_length()
    {
        Assert.Equal([2, 3], new WordTokenizer(s_vocabulary).Encode("make the circle red", 2));
    }

    [Fact]
    public void Reads_vocab_txt_one_token_per_line()
    {
        string path = System.IO.Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, s_vocabulary);
            var tokenizer = new WordTokenizer(path);

            Assert.Equal(s_vocabulary.Length, tokenizer.VocabularySize);
            Assert.Equal([5, 4], tokenizer.Encode("red circle", 2));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Refuses_a_vocabulary_without_pad_and_unk_first()
    {
        var error = Assert.Throws<InvalidDataException>(() => new WordTokenizer(["make", "[PAD]", "[UNK]"], "vocab.txt"));
        Assert.Contains("vocab.txt must start with the lines [PAD] and [UNK]", error.Message);
    }

    [Fact]
    public void Refuses_a_duplicate_word_naming_both_lines()
    {
        var error = Assert.Throws<InvalidDataException>(() => new WordTokenizer(["[PAD]", "[UNK]", "red", "red"], "vocab.txt"));
        Assert.Contains("'red' twice (lines 3 and 4)", error.Message);
    }
}
