using DreamOmni2.Contracts;
using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.DataFactory.Examples;

/// <summary>One example before it is written: the scenes its tray images are drawn from, image 1 first.</summary>
/// <param name="Name">The stem of its image files ("edit-color": edit-color-1.png, …).</param>
/// <param name="Prompt">The standard prompt its instruction must translate to.</param>
public sealed record ExampleDraft(
    string Name, string Title, GenerationMode Mode, string Instruction, string Prompt, IReadOnlyList<SceneSpec> Scenes, bool Ablation = false);
