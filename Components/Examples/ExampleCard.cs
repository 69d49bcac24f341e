using DreamOmni2.Contracts;

namespace DreamOmni2.Components.Examples;

/// <summary>An example as the list shows it.</summary>
/// <param name="Number">Its 1-based number in the pack's list, which is how it is asked for.</param>
/// <param name="ImageUrls">Where its tray images are served, image 1 first.</param>
/// <param name="Ablation">Runs the ablation grid rather than one job.</param>
public sealed record ExampleCard(int Number, string Title, GenerationMode Mode, string Instruction, IReadOnlyList<string> ImageUrls, bool Ablation);
