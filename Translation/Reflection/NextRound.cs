namespace DreamOmni2.Translation.Reflection;

/// <summary>What the next round of check and retry runs with.</summary>
/// <param name="Prompt">Its prompt.</param>
/// <param name="NewSeed">Whether it draws another seed instead of keeping the previous round's (for packs whose prompts
/// cannot carry the critique).</param>
public sealed record NextRound(string Prompt, bool NewSeed)
{
    /// <summary>For a person: why a round retried with another seed rather than with the critique.</summary>
    public const string NewSeedNote =
        "This model reads only the shape-world prompt grammar, so the critique cannot be given to it: the next round keeps the prompt and tries another seed.";

    /// <summary>For a person: how this round differs from what the critique asked for; null when it took the critique.</summary>
    public string? Note => NewSeed ? NewSeedNote : null;
}
