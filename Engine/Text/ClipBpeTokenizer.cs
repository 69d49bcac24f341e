using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace DreamOmni2.Engine.Text;

/// <summary>
/// CLIP's tokenizer: byte-level BPE with a <c>&lt;/w&gt;</c> end-of-word suffix over <c>vocab.json</c> + <c>merges.txt</c>,
/// BOS <c>&lt;|startoftext|&gt;</c> (49406) first, EOS <c>&lt;|endoftext|&gt;</c> (49407) last and as padding.
/// </summary>
public sealed partial class ClipBpeTokenizer : ITextTokenizer
{
    public const int DefaultMaxLength = 77;
    public const string StartOfText = "<|startoftext|>";
    public const string EndOfText = "<|endoftext|>";

    private readonly BpeTokenizer _bpe;

    public ClipBpeTokenizer(string vocabPath, string mergesPath)
    {
        _bpe = BpeTokenizer.Create(new BpeOptions(vocabPath, mergesPath)
        {
            PreTokenizer = new RegexPreTokenizer(ClipWords(), specialTokens: null),
            EndOfWordSuffix = "</w>",
            ByteLevel = true,
        });
        StartOfTextId = _bpe.Vocabulary.TryGetValue(StartOfText, out int start)
            ? start
            : throw new InvalidDataException($"{vocabPath} has no {StartOfText} token");
        EndOfTextId = _bpe.Vocabulary.TryGetValue(EndOfText, out int end)
            ? end
            : throw new InvalidDataException($"{vocabPath} has no {EndOfText} token");
    }

    public int StartOfTextId { get; }

    public int EndOfTextId { get; }

    /// <summary>BOS, then at most maxLength − 2 text tokens, then EOS, padded with EOS (CLIPTokenizer, padding="max_length").</summary>
    public int[] Encode(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var tokens = _bpe.EncodeToIds(Clean(text));
        int count = Math.Min(tokens.Count, maxLength - 2);

        var ids = new int[maxLength];
        Array.Fill(ids, EndOfTextId);
        ids[0] = StartOfTextId;
        for (int i = 0; i < count; i++)
        {
            ids[1 + i] = tokens[i];
        }
        return ids;
    }

    /// <summary>
    /// CLIPTokenizerFast's normalizer less its NFC step: runs of whitespace to one space, trimmed, lower-case.
    /// The repo builds with invariant globalization, where string.Normalize leaves text unchanged; browsers and
    /// editors send composed (NFC) text already.
    /// </summary>
    private static string Clean(string text) => Whitespace().Replace(text, " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>The word pattern of openai/CLIP's simple_tokenizer (its special-token alternatives are not needed here).</summary>
    [GeneratedRegex(@"'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+", RegexOptions.IgnoreCase)]
    private static partial Regex ClipWords();
}
