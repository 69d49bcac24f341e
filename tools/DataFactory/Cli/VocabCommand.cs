using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.DataFactory.Cli;

/// <summary>Writes the token vocabulary: [PAD], [UNK], then every shape-world word; a token's id is its line number.</summary>
public static class VocabCommand
{
    public static IReadOnlyList<string> Tokens { get; } = ["[PAD]", "[UNK]", .. ShapeWorldVocabulary.AllWords];

    public static void Run(string path) => File.WriteAllText(path, string.Join('\n', Tokens) + "\n");
}
