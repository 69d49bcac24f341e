namespace DreamOmni2.Engine.Text;

/// <summary>Builds the tokenizer a pack names, from files in the pack's folder.</summary>
public static class TokenizerFactory
{
    /// <exception cref="FileNotFoundException">A file the tokenizer needs is not in the pack folder; the message names it.</exception>
    /// <exception cref="ArgumentException">The kind is not one of <see cref="TokenizerKind.All"/>.</exception>
    public static ITextTokenizer Create(TokenizerSpec spec, string packDirectory) => spec.Kind switch
    {
        TokenizerKind.ClipBpe => new ClipBpeTokenizer(
            Require(packDirectory, spec, "vocab", spec.Vocab ?? "vocab.json"),
            Require(packDirectory, spec, "merges", spec.Merges ?? "merges.txt")),
        TokenizerKind.T5SentencePiece => new T5Tokenizer(
            Require(packDirectory, spec, "model", spec.Model ?? "spiece.model")),
        TokenizerKind.Words => new WordTokenizer(
            Require(packDirectory, spec, "vocab", spec.Vocab ?? "vocab.txt")),
        _ => throw new ArgumentException(
            $"unknown tokenizer kind '{spec.Kind}'; expected one of {string.Join(", ", TokenizerKind.All)}", nameof(spec)),
    };

    private static string Require(string packDirectory, TokenizerSpec spec, string field, string fileName)
    {
        string path = Path.GetFullPath(Path.Combine(packDirectory, fileName));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"the {spec.Kind} tokenizer's {field} file '{fileName}' is not in the pack folder {packDirectory}", path);
        }
        return path;
    }
}
