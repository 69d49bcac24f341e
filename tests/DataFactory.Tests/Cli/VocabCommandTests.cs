using DreamOmni2.DataFactory.Cli;
using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.DataFactory.Tests.Cli;

public sealed class VocabCommandTests
{
    [Fact]
    public void The_vocabulary_file_lists_pad_unk_then_every_word_one_a_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vocab-{Guid.NewGuid():N}.txt");
        try
        {
            VocabCommand.Run(path);
            var lines = File.ReadAllText(path).Split('\n');

            Assert.Equal(["[PAD]", "[UNK]", .. ShapeWorldVocabulary.AllWords, ""], lines);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
