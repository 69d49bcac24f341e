using DreamOmni2.Contracts;

namespace DreamOmni2.Engine.Packs;

/// <summary>A ready-made request a pack ships, for a newcomer to run with one click.</summary>
/// <param name="Title">A few words saying what it shows.</param>
/// <param name="Images">The tray's images, image 1 first, as paths relative to the pack folder.</param>
/// <param name="Ablation">Run under all four encoding schemes (the ablation grid) rather than once.</param>
public sealed record PackExample(string Title, GenerationMode Mode, string Instruction, IReadOnlyList<string> Images, bool Ablation = false);
