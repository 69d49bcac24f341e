namespace DreamOmni2.Contracts;

/// <summary>A word the model knows.</summary>
/// <param name="Swatch">The colour it stands for, as CSS writes it ("#dc2323"), where the word names one.</param>
public sealed record KnowledgeWord(string Word, string? Swatch = null);
