namespace DreamOmni2.Engine.Text;

/// <summary>
/// Which tokenizer a text encoder needs and its files, relative to the pack folder. Files left null take the
/// names the upstream releases use: vocab.json + merges.txt (clip-bpe), spiece.model (t5-sentencepiece),
/// vocab.txt (words).
/// </summary>
/// <param name="Kind">One of <see cref="TokenizerKind"/>.</param>
/// <param name="Vocab">vocab.json (clip-bpe) or vocab.txt (words).</param>
/// <param name="Merges">merges.txt (clip-bpe).</param>
/// <param name="Model">spiece.model (t5-sentencepiece).</param>
public sealed record TokenizerSpec(string Kind, string? Vocab = null, string? Merges = null, string? Model = null);
