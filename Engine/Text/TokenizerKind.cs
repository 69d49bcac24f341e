namespace DreamOmni2.Engine.Text;

/// <summary>The tokenizer kinds a pack can name, as spelled in <c>pack.json</c>.</summary>
public static class TokenizerKind
{
    /// <summary>CLIP's byte-level BPE over <c>vocab.json</c> + <c>merges.txt</c>.</summary>
    public const string ClipBpe = "clip-bpe";

    /// <summary>T5's SentencePiece Unigram model, <c>spiece.model</c>.</summary>
    public const string T5SentencePiece = "t5-sentencepiece";

    /// <summary>One id per whole word from a <c>vocab.txt</c> (the tiny pack).</summary>
    public const string Words = "words";

    public static IReadOnlyList<string> All { get; } = [ClipBpe, T5SentencePiece, Words];
}
