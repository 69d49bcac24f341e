namespace DreamOmni2.Contracts;

/// <summary>
/// What a pack's model was taught to read and draw, word by word, for a person to see what they may ask for: known
/// only for packs trained on a closed world (such as the shape world); a pack of real weights has none.
/// </summary>
public sealed record PackKnowledge(IReadOnlyList<KnowledgeGroup> Groups);
