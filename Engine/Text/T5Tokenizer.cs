using Microsoft.ML.Tokenizers;

namespace DreamOmni2.Engine.Text;

/// <summary>T5's tokenizer: a SentencePiece Unigram model (<c>spiece.model</c>), EOS appended, padded with id 0.</summary>
public sealed class T5Tokenizer : ITextTokenizer
{
    public const int DefaultMaxLength = 512;
    public const int PadId = 0;

    private readonly SentencePieceTokenizer _sentencePiece;

    public T5Tokenizer(string modelPath)
    {
        using var stream = new MemoryStream(SentencePieceBosPatch.Apply(File.ReadAllBytes(modelPath)));
        _sentencePiece = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);
    }

    public int EndOfSentenceId => _sentencePiece.EndOfSentenceId;

    /// <summary>At most maxLength − 1 text tokens, then EOS, then pad ids (T5TokenizerFast with truncation).</summary>
    public int[] Encode(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var tokens = _sentencePiece.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false);
        int count = Math.Min(tokens.Count, maxLength - 1);

        var ids = new int[maxLength];
        for (int i = 0; i < count; i++)
        {
            ids[i] = tokens[i];
        }
        ids[count] = EndOfSentenceId;
        return ids;
    }
}
