using System.Text.RegularExpressions;

namespace DreamOmni2.Engine.Text;

/// <summary>
/// One id per whole word, id = line number in <c>vocab.txt</c> (line 0 <c>[PAD]</c>, line 1 <c>[UNK]</c>): the tiny
/// pack's tokenizer, splitting exactly as its trainer does. Lower-cases, treats whitespace and punctuation as
/// separators, maps unknown words to [UNK], pads with [PAD]; no BOS or EOS.
/// </summary>
/// <remarks>
/// Written here rather than on Microsoft.ML.Tokenizers' WordPieceTokenizer, which would split unknown words into
/// ## pieces and keep punctuation as tokens, neither of which the trainer does.
/// </remarks>
public sealed partial class WordTokenizer : ITextTokenizer
{
    public const int PadId = 0;
    public const int UnknownId = 1;
    public const string PadToken = "[PAD]";
    public const string UnknownToken = "[UNK]";

    private readonly Dictionary<string, int> _ids;

    public WordTokenizer(string vocabPath)
        : this(File.ReadAllLines(vocabPath), vocabPath)
    {
    }

    /// <param name="vocabulary">Tokens in id order.</param>
    /// <param name="source">Where the vocabulary came from, for error messages.</param>
    public WordTokenizer(IReadOnlyList<string> vocabulary, string source = "the vocabulary")
    {
        if (vocabulary.Count < 2 || vocabulary[PadId] != PadToken || vocabulary[UnknownId] != UnknownToken)
        {
            throw new InvalidDataException($"{source} must start with the lines {PadToken} and {UnknownToken}");
        }
        _ids = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        for (int id = 0; id < vocabulary.Count; id++)
        {
            if (!_ids.TryAdd(vocabulary[id], id))
            {
                throw new InvalidDataException(
                    $"{source} lists '{vocabulary[id]}' twice (lines {_ids[vocabulary[id]] + 1} and {id + 1})");
            }
        }
    }

    public int VocabularySize => _ids.Count;

    public int[] Encode(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        var ids = new int[maxLength];
        int count = 0;
        string lowered = text.ToLowerInvariant();
        var lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in Words().EnumerateMatches(lowered))
        {
            if (count == maxLength)
            {
                break;
            }
            ids[count++] = lookup.TryGetValue(lowered.AsSpan(word.Index, word.Length), out int id) ? id : UnknownId;
        }
        return ids;
    }

    [GeneratedRegex(@"[^\s\p{P}]+")]
    private static partial Regex Words();
}
