namespace DreamOmni2.Engine.Packs;

/// <summary>The contents of a pack's examples file.</summary>
public sealed record PackExampleList(IReadOnlyList<PackExample> Examples);
