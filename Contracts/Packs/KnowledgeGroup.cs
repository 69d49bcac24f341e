namespace DreamOmni2.Contracts;

/// <summary>One kind of thing the model knows ("shapes", "colours") and its words.</summary>
public sealed record KnowledgeGroup(string Name, IReadOnlyList<KnowledgeWord> Words);
